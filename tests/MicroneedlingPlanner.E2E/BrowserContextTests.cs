namespace MicroneedlingPlanner.E2E;

public sealed class BrowserContextTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_browser_speaks_british_english_on_london_time_whatever_the_machine_says()
    {
        await Page.GotoAsync("");

        Assert.Equal("en-GB", await Page.EvaluateAsync<string>("navigator.language"));
        Assert.Equal("Europe/London", await Page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone"));
    }
}
