namespace MicroneedlingPlanner.E2E;

/// <summary>Debian's Chromium (or the one in CHROMIUM_PATH), launched the way that works on the test machines.</summary>
public static class Chromium
{
    public const string PathVariable = "CHROMIUM_PATH";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var chromium = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"No Chromium at {chromium}. Install it (Debian: apt-get install chromium) or set {PathVariable}; ./scripts/test.sh does the former.");
        }

        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }
}
