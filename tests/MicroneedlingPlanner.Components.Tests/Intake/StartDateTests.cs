using System.Globalization;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Components.Pages.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Components.Tests.Intake;

/// <summary>
/// The questionnaire for a clinic in Honolulu, ten hours behind UTC, at 5 am UTC on 15 June 2027:
/// at the clinic it is still the evening of 14 June, and the year ahead holds a 29 February, so a
/// year is 366 days while the validator allows 365.
/// </summary>
public sealed class StartDateTests(ComponentsApp app) : ComponentTest(app, (services, real) =>
{
    var clock = new TestClock(new DateTimeOffset(2027, 6, 15, 5, 0, 0, TimeSpan.Zero));
    services.AddSingleton(clock);
    services.AddSingleton<TimeProvider>(clock);
    services.AddSingleton(new ClinicClock(clock, Options.Create(new ClinicOptions { TimeZone = "Pacific/Honolulu" })));
    services.AddSingleton(new DraftStore(real.GetRequiredService<IDbContextFactory<PlannerDbContext>>(), clock));
})
{
    private TestClock Clock => Services.GetRequiredService<TestClock>();

    private DateOnly UtcDate => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    private static DateOnly Parse(string? date) => DateOnly.ParseExact(date!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Input(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Opens the questionnaire at its last step on a draft saved with this test's clock.</summary>
    private async Task<IRenderedComponent<Questionnaire>> OpenStartStepAsync()
    {
        var answers = SampleAnswers.LowRisk(UtcDate.AddDays(10), Concern.Texture);
        var (token, _) = await Services.GetRequiredService<DraftStore>().StartAsync(answers, (int)QuestionnaireStep.Start, TestContext.Current.CancellationToken);
        BrowserHolds(token);
        var page = Render<Questionnaire>();
        await page.WaitForElementAsync("#preferredStartDate");
        return page;
    }

    /// <summary>Enters the date and asks for the plan; returns the problem shown for the start date, if any.</summary>
    private static async Task<string?> AskForThePlanFromAsync(IRenderedComponent<Questionnaire> page, DateOnly start)
    {
        await page.Find("#preferredStartDate").ChangeAsync(Input(start));
        await page.PressAsync("See my plan");
        return page.FindAll("#preferredStartDate-error").SingleOrDefault()?.Text();
    }

    [Fact]
    public async Task The_date_picker_offers_exactly_the_days_the_questionnaire_accepts_counted_from_the_clinics_today()
    {
        var page = await OpenStartStepAsync();
        var picker = page.Find("#preferredStartDate");
        var first = Parse(picker.GetAttribute("min"));
        var last = Parse(picker.GetAttribute("max"));

        Assert.Equal(UtcDate.AddDays(-1), first);
        Assert.Contains("within the next year", await AskForThePlanFromAsync(page, last.AddDays(1)), StringComparison.Ordinal);
        Assert.Null(await AskForThePlanFromAsync(page, last));
        Assert.Equal("plan", CurrentPage());
        Assert.Contains("in the past", await AskForThePlanFromAsync(page, first.AddDays(-1)), StringComparison.Ordinal);
        Assert.Null(await AskForThePlanFromAsync(page, first));
    }

    [Fact]
    public async Task The_date_the_answers_are_kept_until_is_the_clinics()
    {
        var page = await OpenStartStepAsync();

        // Thirty days from 5 am UTC is 7 pm the evening before in Honolulu.
        var keptUntil = UtcDate.AddDays(DraftStore.Lifetime.Days - 1);
        Assert.Equal($"Answers saved. Unless you change them, we keep them until {keptUntil:d MMMM yyyy}.", page.Find(".save-status").Text());
        await page.Find("#preferredStartDate").ChangeAsync(Input(UtcDate.AddDays(20)));
        Assert.Equal($"Answers saved. Unless you change them, we keep them until {keptUntil:d MMMM yyyy}.", page.Find(".save-status").Text());
    }
}
