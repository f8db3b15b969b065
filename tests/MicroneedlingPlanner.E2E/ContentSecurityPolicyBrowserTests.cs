using MicroneedlingPlanner.E2E.Pages;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// The listener that every browser test relies on (<see cref="CspViolations"/>) hears a violation
/// when there is one: a script injected into the page the way an XSS would is refused and reported.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task An_injected_inline_script_is_refused_and_reported()
    {
        await Page.GotoAsync("plan/questions");
        await new AppShell(Page).WaitUntilInteractiveAsync();
        Assert.Empty(CspViolations.OfThisTest());

        await Page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injectedScriptRan = true;';
                document.body.append(script);
            }
            """);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (CspViolations.OfThisTest().Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var report = Assert.Single(CspViolations.OfThisTest());
        Assert.StartsWith("script-src-elem refused inline", report, StringComparison.Ordinal);
        Assert.False(await Page.EvaluateAsync<bool>("() => window.injectedScriptRan === true"));
        // Caused on purpose: it must not fail this test at disposal, nor the fixture at teardown.
        CspViolations.ForgetThisTest();
    }
}
