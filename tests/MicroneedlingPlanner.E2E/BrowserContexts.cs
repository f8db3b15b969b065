namespace MicroneedlingPlanner.E2E;

/// <summary>
/// Every browser context the tests open. The language and time zone are pinned so that a test sees
/// the same page on any machine: Chromium otherwise takes them from the machine, and they decide
/// the language the browser asks for (navigator.language, Accept-Language), how its scripts format
/// numbers and dates, and which day its own clock says it is.
/// </summary>
public static class BrowserContexts
{
    public const string Locale = "en-GB";

    public const string TimeZone = "Europe/London";

    /// <summary>A new context whose pages' Content Security Policy violations are recorded (<see cref="CspViolations"/>).</summary>
    public static async Task<IBrowserContext> NewAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = Locale,
            TimezoneId = TimeZone,
        });
        await CspViolations.WatchAsync(context);
        return context;
    }
}
