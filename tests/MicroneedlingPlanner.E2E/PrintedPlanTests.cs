using System.Text.RegularExpressions;
using MicroneedlingPlanner.E2E.Pages;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>What "Print this plan" gives on paper: Chromium's own PDF of the page's print styles, read back as text.</summary>
public sealed partial class PrintedPlanTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task The_printed_plan_has_every_section_down_to_the_last_line_and_no_menus_or_buttons()
    {
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();
        // A condition that needs a clinician adds the review notice and the points to discuss: the longest plan.
        await questions.AnswerAllAsync(a => a.Conditions.Add("Pregnancy"));
        await questions.SeePlanAsync();
        var plan = new PlanPage(Page);
        var onScreen = await plan.FlowingTextAsync();
        var summaryWords = await plan.SummaryWordsAsync();
        var sessions = await plan.SessionRowsAsync();
        var lastLine = Normalise(await plan.RulesVersion.InnerTextAsync());

        var printed = Read(await Page.PdfAsync(new() { Format = "A4", PrintBackground = true, Path = Artifacts.PdfPath("plan") }));

        Assert.InRange(printed.Pages, 2, 8);
        Assert.StartsWith("Your proposed plan", printed.Text, StringComparison.Ordinal);
        foreach (var heading in new[]
        {
            "A clinician needs to check a few things first", "Your plan at a glance (provisional)", "Timeline", "Session dates (provisional)",
            "What to expect, and when", "Looking after your skin", "Maintenance over the next three years", "Other treatments that may help",
            "Points for you and your clinician", "Why this plan", "Where the sources disagree",
        })
        {
            Assert.Contains(heading, printed.Text, StringComparison.Ordinal);
        }

        Assert.InRange(sessions.Length, 3, 8);
        Assert.All(sessions, row => Assert.Contains(row, printed.Text, StringComparison.Ordinal));
        var missing = onScreen.Where(t => !printed.Text.Contains(t, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not on paper:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.Empty(summaryWords.Except(printed.Text.Split(' ')));
        Assert.StartsWith("Made with treatment rules version ", lastLine, StringComparison.Ordinal);
        Assert.EndsWith(lastLine, printed.Text, StringComparison.Ordinal);
        foreach (var screenOnly in new[] { "Skip to main content", "Microneedling Planner", "Make my plan", "Sign in", "Print this plan", "Add the dates to my calendar", "Send my plan to the clinic", "Change my answers", "sources (" })
        {
            Assert.DoesNotContain(screenOnly, printed.Text, StringComparison.Ordinal);
        }

        // Printing with the sources panel open still prints the plan, not the panel over it.
        await plan.SourcesFor("the number of sessions").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        // Until its opening animation ends the panel is still see-through, and would print as nothing.
        await Page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished))");
        var withPanel = Read(await Page.PdfAsync(new() { Format = "A4", PrintBackground = true, Path = Artifacts.PdfPath("plan-with-sources-panel-open") }));
        Assert.DoesNotContain("Where this comes from", withPanel.Text, StringComparison.Ordinal);
        Assert.Equal(printed.Text, withPanel.Text);
    }

    private static (int Pages, string Text) Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text);
        return (document.NumberOfPages, Normalise(string.Join(' ', words)));
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
