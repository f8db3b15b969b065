using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Components.Pages.Intake;
using MicroneedlingPlanner.Web.Features.Intake;

namespace MicroneedlingPlanner.Components.Tests.Intake;

/// <summary>
/// The questionnaire given values a browser would not send or a careless patient might type:
/// each gets its message beside its question, the markup stays text, and the answers given
/// before it are still on the page and in the saved draft.
/// </summary>
public sealed class QuestionnaireBadInputTests(ComponentsApp app) : ComponentTest(app)
{
    private IntakeAnswers Earlier() => SampleAnswers.LowRisk(Today.AddDays(10), Concern.Texture, Concern.Hyperpigmentation) with
    {
        Medications = [Medication.TopicalRetinoids],
        Note = "Had a peel in May.",
    };

    private async Task<(IRenderedComponent<Questionnaire> Page, string Token)> OpenAsync(QuestionnaireStep step)
    {
        var token = await StartDraftAsync(Earlier(), step);
        var page = Render<Questionnaire>();
        await page.WaitForElementAsync("#step-heading", TimeSpan.FromSeconds(15));
        return (page, token);
    }

    private async Task<IntakeAnswers> SavedAsync(string token) =>
        (await Drafts.LoadAsync(token, TestContext.Current.CancellationToken))!.Answers;

    private static void AssertNoMarkupReflected(IRenderedComponent<Questionnaire> page) => page.AssertNoInjectedMarkup();

    /// <summary>The text as an HTML parser reads it back: line breaks normalised, NUL replaced.</summary>
    private static string AsParsed(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\0', '\uFFFD');

    public static TheoryData<string> BadAges =>
    [
        "abc", "25.5", "1e2", "99999999999", "3 4", "٣٤", "34 years", .. HostileInput.All.Where(h => h.Trim().Length > 0),
    ];

    [Theory]
    [MemberData(nameof(BadAges))]
    public async Task An_age_that_is_not_a_whole_number_is_named_beside_the_age_and_kept_in_the_box(string typed)
    {
        var (page, token) = await OpenAsync(QuestionnaireStep.AboutYou);

        await page.Find("#age").ChangeAsync(typed);
        await page.PressAsync("Next");

        Assert.Equal("About you", page.Find("#step-heading").Text());
        Assert.Contains("whole years", page.Find("#age-error").Text(), StringComparison.Ordinal);
        Assert.Equal(AsParsed(typed), page.Find("#age").GetAttribute("value"));
        Assert.True(page.Find("#skinSensitivity-Normal").HasAttribute("checked"));
        AssertNoMarkupReflected(page);
        var saved = await SavedAsync(token);
        Assert.Equal([Concern.Hyperpigmentation, Concern.Texture], saved.Concerns);
        Assert.Equal([Medication.TopicalRetinoids], saved.Medications);
        Assert.Equal(SkinSensitivity.Normal, saved.SkinSensitivity);
    }

    [Theory]
    [InlineData("17", "at least 18")]
    [InlineData("-5", "at least 18")]
    [InlineData("101", "from 18 to 100")]
    public async Task An_age_out_of_range_is_named_beside_the_age_and_kept_in_the_box(string typed, string message)
    {
        var (page, _) = await OpenAsync(QuestionnaireStep.AboutYou);

        await page.Find("#age").ChangeAsync(typed);
        await page.PressAsync("Next");

        Assert.Contains(message, page.Find("#age-error").Text(), StringComparison.Ordinal);
        Assert.Equal(typed, page.Find("#age").GetAttribute("value"));
    }

    [Fact]
    public async Task A_bad_age_followed_by_a_good_one_clears_the_message_and_moves_on()
    {
        var (page, token) = await OpenAsync(QuestionnaireStep.AboutYou);

        await page.Find("#age").ChangeAsync("thirty");
        await page.PressAsync("Next");
        await page.Find("#age").ChangeAsync("30");
        await page.PressAsync("Next");

        Assert.Equal("Everyday habits", page.Find("#step-heading").Text());
        Assert.Equal(30, (await SavedAsync(token)).Age);
    }

    public static TheoryData<string> BadDates =>
    [
        "2026-02-30", "2026-13-01", "+275760-09-13", "10000-01-01", "0000-01-01", "2026-1-1", "01/02/2027", "tomorrow", .. HostileInput.Markup,
    ];

    [Theory]
    [MemberData(nameof(BadDates))]
    public async Task A_start_date_that_is_not_a_date_is_named_beside_the_date(string typed)
    {
        var (page, token) = await OpenAsync(QuestionnaireStep.Start);

        await page.Find("#preferredStartDate").ChangeAsync(typed);
        await page.PressAsync("See my plan");

        Assert.NotEqual("plan", CurrentPage());
        Assert.Contains("could not read that date", page.FindAll("#preferredStartDate-error").Single().Text(), StringComparison.Ordinal);
        AssertNoMarkupReflected(page);
        Assert.Equal([Medication.TopicalRetinoids], (await SavedAsync(token)).Medications);
    }

    [Theory]
    [InlineData("0001-01-01", "in the past")]
    [InlineData("9999-12-31", "within the next year")]
    public async Task A_start_date_far_out_of_range_is_named_beside_the_date(string typed, string message)
    {
        var (page, _) = await OpenAsync(QuestionnaireStep.Start);

        await page.Find("#preferredStartDate").ChangeAsync(typed);
        await page.PressAsync("See my plan");

        Assert.Contains(message, page.Find("#preferredStartDate-error").Text(), StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileNotes => [.. HostileInput.All.Where(h => h.Trim().Length > 0)];

    [Theory]
    [MemberData(nameof(HostileNotes))]
    public async Task Hostile_text_in_the_note_stays_text_and_every_answer_is_still_saved(string note)
    {
        var (page, token) = await OpenAsync(QuestionnaireStep.Health);

        await page.Find("#note").ChangeAsync(note);
        await page.Find("#usedHomeDevice-True").ChangeAsync("on");

        AssertNoMarkupReflected(page);
        Assert.StartsWith("Answers saved", page.Find(".save-status").Text(), StringComparison.Ordinal);
        var saved = await SavedAsync(token);
        Assert.True(saved.UsedHomeDevice);
        Assert.Equal([Medication.TopicalRetinoids], saved.Medications);
        // Kept as typed, except the control characters a keyboard cannot type and the draft cannot store.
        var kept = IntakeValidator.WithoutHiddenCharacters(note).Trim();
        Assert.Equal(kept.Length > 0 ? kept : null, saved.Note);
    }

    [Fact]
    public async Task A_huge_note_is_named_beside_the_note_and_kept()
    {
        var (page, token) = await OpenAsync(QuestionnaireStep.Health);
        var note = string.Concat(Enumerable.Repeat(HostileInput.Markup[0], 1000));

        await page.Find("#note").ChangeAsync(note);
        await page.Find("#usedHomeDevice-False").ChangeAsync("on");
        await page.PressAsync("Next");

        Assert.Equal("Health and medicines", page.Find("#step-heading").Text());
        Assert.Contains("under 2000 characters", page.Find("#note-error").Text(), StringComparison.Ordinal);
        Assert.Equal(note, page.Find("#note").TextContent);
        AssertNoMarkupReflected(page);
        Assert.Equal(note, (await SavedAsync(token)).Note);
    }
}
