using System.Text.Json;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// Runs axe-core (from the npm registry, installed by scripts/test.sh) in the page and returns the
/// serious and critical violations of WCAG 2.1 A and AA, one line each.
/// </summary>
public static class Accessibility
{
    public const string AxeVariable = "AXE_CORE_PATH";

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = AxePath() });
        }

        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static string AxePath()
    {
        if (Environment.GetEnvironmentVariable(AxeVariable) is { Length: > 0 } path)
        {
            return path;
        }

        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MicroneedlingPlanner.sln")))
        {
            folder = folder.Parent;
        }

        var axe = Path.Combine(folder?.FullName ?? ".", "tests", "MicroneedlingPlanner.E2E", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(axe)
            ? axe
            : throw new InvalidOperationException($"axe-core is not installed at {axe}. Run ./scripts/test.sh (it runs npm ci there) or set {AxeVariable}.");
    }
}
