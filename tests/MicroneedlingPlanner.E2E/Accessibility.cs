using System.Text.Json;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// Runs axe-core (from the npm registry, installed by scripts/test.sh) in the page and returns every
/// violation, whatever its impact, of WCAG 2.0, 2.1 and 2.2 A and AA and of axe's best practices, one
/// line per element. Only the ones listed in <see cref="Accepted"/> (and in docs/accessibility.md, with
/// the reason) are left out.
/// </summary>
public static class Accessibility
{
    public const string AxeVariable = "AXE_CORE_PATH";

    /// <summary>
    /// Best practices are enforced like the WCAG rules: they catch what a screen reader user trips
    /// over (content outside landmarks, skipped heading levels) although no success criterion names it.
    /// </summary>
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>Violations that stay, by rule id and axe's selector of the element; docs/accessibility.md says why.</summary>
    private static readonly (string Rule, string Selector)[] Accepted = [];

    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            // Evaluated through the DevTools protocol: as a <script> element (AddScriptTagAsync) the
            // app's Content Security Policy would rightly refuse it, and the violation would fail the test.
            await page.EvaluateAsync(await File.ReadAllTextAsync(AxePath()));
        }

        // Colours are checked at rest: a button that has just become enabled is otherwise caught mid-fade.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        var nodes = await page.EvaluateAsync<JsonElement>("""
            async tags => {
                const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
                return r.violations.flatMap(v => v.nodes.map(n => ({
                    rule: v.id,
                    selector: n.target.join(' '),
                    line: `${v.impact} ${v.id}${v.tags.includes('best-practice') ? ' (best practice)' : ''}: ${v.help} at ${n.target.join(' ')}: ${n.failureSummary}`,
                })));
            }
            """, Tags);
        return [.. nodes.EnumerateArray()
            .Where(n => !Accepted.Contains((n.GetProperty("rule").GetString()!, n.GetProperty("selector").GetString()!)))
            .Select(n => n.GetProperty("line").GetString()!)];
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
