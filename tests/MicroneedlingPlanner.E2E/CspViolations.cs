using System.Collections.Concurrent;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// Every Content Security Policy violation that any page of a watched browser context reports, by
/// the test that opened the context. <see cref="BrowserContexts.NewAsync"/> watches every context,
/// so the app's policy is checked across every browser journey: each test fails if its pages
/// reported one (<see cref="BrowserTest"/>), and the fixture fails at teardown if any report came
/// in after its test had finished.
/// </summary>
public static class CspViolations
{
    private const string Binding = "__plannerCspViolation";

    private static readonly ConcurrentQueue<(string Test, string Report)> Reports = new();

    /// <summary>
    /// Listens in every page of the context from its first script on. The init script and the
    /// binding come in through the DevTools protocol, which the page's policy does not cover.
    /// </summary>
    public static async Task WatchAsync(IBrowserContext context)
    {
        var test = CurrentTest();
        await context.ExposeFunctionAsync<string, bool>(Binding, report =>
        {
            Reports.Enqueue((test, report));
            return true;
        });
        await context.AddInitScriptAsync($$"""
            document.addEventListener('securitypolicyviolation', e => window.{{Binding}}(
                `${e.effectiveDirective} refused ${e.blockedURI || '(no address)'} on ${e.documentURI} at ${e.sourceFile || '?'}:${e.lineNumber}: ${e.sample}`));
            """);
    }

    /// <summary>What the contexts opened by the current test have reported so far.</summary>
    public static IReadOnlyList<string> OfThisTest()
    {
        var test = CurrentTest();
        return [.. Reports.Where(r => r.Test == test).Select(r => r.Report)];
    }

    /// <summary>Fails with every report of the current test's pages.</summary>
    public static void AssertNoneInThisTest()
    {
        var reports = OfThisTest();
        Assert.True(reports.Count == 0, $"The pages reported {reports.Count} Content Security Policy violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, reports)}");
    }

    /// <summary>Fails with every report of any test (for a fixture's teardown, which also sees reports that came in late).</summary>
    public static void AssertNoneAtAll()
    {
        var reports = Reports.ToArray();
        Assert.True(reports.Length == 0, $"The pages reported {reports.Length} Content Security Policy violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, reports.Select(r => $"{r.Test}: {r.Report}"))}");
    }

    /// <summary>Drops the current test's reports: for the test that causes one on purpose.</summary>
    public static void ForgetThisTest()
    {
        var test = CurrentTest();
        var others = Reports.Where(r => r.Test != test).ToList();
        Reports.Clear();
        foreach (var report in others)
        {
            Reports.Enqueue(report);
        }
    }

    private static string CurrentTest() => TestContext.Current.Test?.UniqueID ?? "(outside a test)";
}
