[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace MicroneedlingPlanner.E2E;

/// <summary>The app on a real Kestrel port with its own PostgreSQL database, and one Chromium.</summary>
public sealed class BrowserFixture(PostgresServer server) : PostgresAppFixture(server)
{
    public const string ChromiumVariable = "CHROMIUM_PATH";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    protected override async Task StartAppAsync()
    {
        BaseAddress = Factory.StartOnKestrel();
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"No Chromium at {chromium}. Install it (Debian: apt-get install chromium) or set {ChromiumVariable}; ./scripts/test.sh does the former.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    // The browser goes first: its open circuits would otherwise hold the host's shutdown.
    protected override async Task BeforeAppStopsAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class InBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
