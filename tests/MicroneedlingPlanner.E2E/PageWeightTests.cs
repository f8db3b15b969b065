using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.E2E.Pages;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// The weight of the questionnaire's first load in the Release build, measured with Chromium's
/// resource timing in a browser with an empty cache. Figures and the command: docs/performance.md.
/// </summary>
public sealed partial class PageWeightTests(PublishedAppFixture app) : IClassFixture<PublishedAppFixture>
{
    /// <summary>The budget for everything the first load transfers (bodies as sent plus headers).</summary>
    public const long BudgetBytes = 500 * 1024;

    private const string Path = "plan/questions";

    [Fact]
    public async Task The_first_load_of_the_questionnaire_transfers_at_most_500_KB_with_no_fonts_and_only_our_stylesheets()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new ConcurrentQueue<IRequest>();
        page.Request += (_, r) => requests.Enqueue(r);
        long socketReceived = 0, socketSent = 0;
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, f) => Interlocked.Add(ref socketReceived, f.Binary?.Length ?? Encoding.UTF8.GetByteCount(f.Text ?? ""));
            socket.FrameSent += (_, f) => Interlocked.Add(ref socketSent, f.Binary?.Length ?? Encoding.UTF8.GetByteCount(f.Text ?? ""));
        };

        await page.GotoAsync(Path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await new AppShell(page).WaitUntilInteractiveAsync();
        var entries = await SettledEntriesAsync(page);

        var document = requests.First(r => r.IsNavigationRequest);
        var acceptEncoding = (await document.AllHeadersAsync()).GetValueOrDefault("accept-encoding", "(none)");
        var total = entries.Sum(e => e.TransferSize);
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{app.PublishNote}; {app.BaseAddress}{Path}; Accept-Encoding sent: {acceptEncoding}");
        output.WriteLine(Breakdown(entries));

        var outside = requests.Where(r => !r.Url.StartsWith("data:", StringComparison.Ordinal) && entries.All(e => e.Name != r.Url)).ToList();
        foreach (var request in outside)
        {
            output.WriteLine($"Not in resource timing: {request.Method} {request.Url} ({request.ResourceType})");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Not in resource timing and not in the total: the circuit's WebSocket, {Interlocked.Read(ref socketReceived)} B of frame payloads received and {Interlocked.Read(ref socketSent)} B sent so far."));

        Assert.True(total <= BudgetBytes, $"The first load of /{Path} transferred {Kb(total)}, over the budget of {Kb(BudgetBytes)}.");
        Assert.All(entries, e => Assert.StartsWith(app.BaseAddress.ToString(), e.Name, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => FontFile().IsMatch(new Uri(e.Name).AbsolutePath));
        Assert.DoesNotContain(requests, r => r.ResourceType == "font");

        // MapStaticAssets sends brotli or gzip copies made at publish time; a reference that misses them sends the raw file.
        Assert.All(entries.Where(e => e.Type is "link" or "script" && e.DecodedBodySize > 1024), e =>
            Assert.True(e.EncodedBodySize < e.DecodedBodySize, $"{e.Name} arrived uncompressed ({e.DecodedBodySize} B)."));

        var stylesheets = requests.Where(r => r.ResourceType == "stylesheet").Select(r => new Uri(r.Url).AbsolutePath).ToList();
        Assert.All(stylesheets, s => Assert.Matches(OurStylesheet(), s));
        Assert.Equal(3, stylesheets.Distinct().Count());
        CspViolations.AssertNoneInThisTest();
    }

    /// <summary>
    /// What share of each linked stylesheet the questionnaire uses, from Chromium's CSS rule usage
    /// tracking (a rule counts as used once it has matched an element): at the first load, and after
    /// answering every step. It reports; it asserts only that the three stylesheets were measured.
    /// </summary>
    [Fact]
    public async Task Reports_how_much_of_each_stylesheet_the_questionnaire_uses()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var session = await context.NewCDPSessionAsync(page);
        var sheetIds = new Dictionary<string, string>();
        session.Event("CSS.styleSheetAdded").OnEvent += (_, e) =>
        {
            var header = e!.Value.GetProperty("header");
            lock (sheetIds)
            {
                sheetIds[header.GetProperty("sourceURL").GetString()!] = header.GetProperty("styleSheetId").GetString()!;
            }
        };
        await session.SendAsync("DOM.enable");
        await session.SendAsync("CSS.enable");
        await session.SendAsync("CSS.startRuleUsageTracking");

        await page.GotoAsync(Path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await new AppShell(page).WaitUntilInteractiveAsync();
        await SettledEntriesAsync(page);
        var firstLoad = await TakeUsedRulesAsync(session);
        await new QuestionnairePage(page).AnswerAllAsync();
        var everyStep = firstLoad.Union(await TakeUsedRulesAsync(session)).ToHashSet();
        await session.SendAsync("CSS.stopRuleUsageTracking");

        // The tracking lists used rules only; the page's CSSOM counts all style rules, also those inside @media.
        var linked = await page.EvaluateAsync<JsonElement>("""
            () => [...document.styleSheets].filter(s => s.href).map(s => {
                const count = rules => [...rules].reduce((n, r) => n + (r instanceof CSSStyleRule ? 1 : 0) + (r.cssRules ? count(r.cssRules) : 0), 0);
                return { href: s.href, rules: count(s.cssRules) };
            })
            """);
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine("stylesheet | style rules | used at first load | used after every step | bytes of the rules used after every step");
        var measured = new List<string>();
        foreach (var sheet in linked.EnumerateArray())
        {
            var href = sheet.GetProperty("href").GetString()!;
            var rules = sheet.GetProperty("rules").GetInt32();
            string id;
            lock (sheetIds)
            {
                id = sheetIds[href];
            }

            var text = (await session.SendAsync("CSS.getStyleSheetText", new() { ["styleSheetId"] = id }))!.Value.GetProperty("text").GetString()!;
            var first = firstLoad.Count(r => r.Sheet == id);
            var all = everyStep.Where(r => r.Sheet == id).ToList();
            var bytes = all.Sum(r => r.End - r.Start);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{new Uri(href).AbsolutePath} | {rules} | {first} ({Percent(first, rules)}) | {all.Count} ({Percent(all.Count, rules)}) | {bytes} of {text.Length} ({Percent(bytes, text.Length)})"));
            measured.Add(new Uri(href).AbsolutePath);
        }

        Assert.Equal(3, measured.Count(s => OurStylesheet().IsMatch(s)));
        CspViolations.AssertNoneInThisTest();
    }

    // A new context has an empty cache. Chromium sends its own Accept-Encoding.
    private Task<IBrowserContext> NewContextAsync() => BrowserContexts.NewAsync(app.Browser, app.BaseAddress);

    /// <summary>The navigation and resource entries once no new entry has appeared for a second.</summary>
    private static async Task<IReadOnlyList<Entry>> SettledEntriesAsync(IPage page)
    {
        var entries = await EntriesAsync(page);
        for (var quiet = 0; quiet < 4;)
        {
            await Task.Delay(250);
            var next = await EntriesAsync(page);
            quiet = next.Count == entries.Count && next.Sum(e => e.TransferSize) == entries.Sum(e => e.TransferSize) ? quiet + 1 : 0;
            entries = next;
        }

        return entries;
    }

    private static async Task<IReadOnlyList<Entry>> EntriesAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(e => ({
                name: e.name,
                type: e.entryType === 'navigation' ? 'document' : e.initiatorType,
                transferSize: e.transferSize,
                encodedBodySize: e.encodedBodySize,
                decodedBodySize: e.decodedBodySize,
                contentEncoding: e.contentEncoding ?? '',
            }))
            """);
        return JsonSerializer.Deserialize<List<Entry>>(json.GetRawText(), JsonSerializerOptions.Web)!;
    }

    /// <summary>The rules that matched for the first time since the last call (or since tracking started).</summary>
    private static async Task<IReadOnlyList<UsedRule>> TakeUsedRulesAsync(ICDPSession session)
    {
        var result = (await session.SendAsync("CSS.takeCoverageDelta"))!.Value;
        return [.. result.GetProperty("coverage").EnumerateArray()
            .Where(r => r.GetProperty("used").GetBoolean())
            .Select(r => new UsedRule(r.GetProperty("styleSheetId").GetString()!, (int)r.GetProperty("startOffset").GetDouble(), (int)r.GetProperty("endOffset").GetDouble()))];
    }

    private static string Breakdown(IReadOnlyList<Entry> entries)
    {
        var text = new StringBuilder();
        text.AppendLine("resource | type | encoding | transferred | body as sent | decoded");
        foreach (var e in entries.OrderByDescending(e => e.TransferSize))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{new Uri(e.Name).PathAndQuery} | {e.Type} | {(e.ContentEncoding.Length > 0 ? e.ContentEncoding : "-")} | {e.TransferSize} B | {e.EncodedBodySize} B | {e.DecodedBodySize} B");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"TOTAL {entries.Count} requests | transferred {entries.Sum(e => e.TransferSize)} B ({Kb(entries.Sum(e => e.TransferSize))}) | " +
            $"bodies as sent {entries.Sum(e => e.EncodedBodySize)} B | decoded {entries.Sum(e => e.DecodedBodySize)} B ({Kb(entries.Sum(e => e.DecodedBodySize))}) | budget {Kb(BudgetBytes)}");
        return text.ToString();
    }

    private static string Kb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");

    private static string Percent(long part, long whole) => whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0}%");

    [GeneratedRegex(@"\.(woff2?|ttf|otf|eot)$", RegexOptions.IgnoreCase)]
    private static partial Regex FontFile();

    /// <summary>MudBlazor's, app.css and the scoped bundle, with or without their fingerprints.</summary>
    [GeneratedRegex(@"^/(_content/MudBlazor/MudBlazor\.min|app|MicroneedlingPlanner\.Web(\.[a-z0-9]+)?\.styles)(\.[a-z0-9]+)?\.css$")]
    private static partial Regex OurStylesheet();

    private sealed record Entry(string Name, string Type, long TransferSize, long EncodedBodySize, long DecodedBodySize, string ContentEncoding);

    private sealed record UsedRule(string Sheet, int Start, int End);
}
