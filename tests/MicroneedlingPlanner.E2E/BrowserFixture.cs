[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace MicroneedlingPlanner.E2E;

/// <summary>The app on a real Kestrel port with its own PostgreSQL database, and one Chromium.</summary>
public class BrowserFixture(PostgresServer server) : PostgresAppFixture(server)
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    protected override async Task StartAppAsync()
    {
        BaseAddress = Factory.StartOnKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    // The browser goes first: its open circuits would otherwise hold the host's shutdown.
    protected override async Task BeforeAppStopsAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        // Each test checks its own pages; this also catches a report that arrived after its test ended.
        CspViolations.AssertNoneAtAll();
    }
}

[CollectionDefinition(Name)]
public sealed class InBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
