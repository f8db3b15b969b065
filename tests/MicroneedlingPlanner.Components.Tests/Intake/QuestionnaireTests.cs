using AngleSharp.Dom;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Components.Pages.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Components.Tests.Intake;

public sealed class QuestionnaireTests(ComponentsApp app) : ComponentTest(app)
{
    private IntakeAnswers Complete() => SampleAnswers.LowRisk(Today.AddDays(10), Concern.Texture);

    private async Task<IRenderedComponent<Questionnaire>> OpenAsync()
    {
        var page = Render<Questionnaire>();
        await page.WaitForElementAsync("#step-heading");
        return page;
    }

    private static string Heading(IRenderedComponent<Questionnaire> page) => page.Find("#step-heading").Text();

    private static List<string> Steps(IRenderedComponent<Questionnaire> page) => [.. page.FindAll(".step-list button").Select(b => b.Text())];

    [Fact]
    public async Task The_acne_scar_step_exists_only_while_acne_scars_is_ticked()
    {
        BrowserHolds(null);
        var page = await OpenAsync();
        Assert.Equal(["1 Your skin", "2 About you", "3 Everyday habits", "4 Health and medicines", "5 When to start"], Steps(page));
        Assert.StartsWith("Step 1 of 5", page.Find(".step-count").Text(), StringComparison.Ordinal);

        await page.Find("#concerns-AcneScars").ChangeAsync(true);

        Assert.Equal("2 Acne scars", Steps(page)[1]);
        Assert.StartsWith("Step 1 of 6", page.Find(".step-count").Text(), StringComparison.Ordinal);
        await page.PressAsync("Next");
        Assert.Equal("Your acne scars", Heading(page));

        await page.PressAsync("Back");
        await page.Find("#concerns-AcneScars").ChangeAsync(false);
        await page.Find("#concerns-Texture").ChangeAsync(true);

        Assert.DoesNotContain(Steps(page), s => s.EndsWith("Acne scars", StringComparison.Ordinal));
        await page.PressAsync("Next");
        Assert.Equal("About you", Heading(page));
    }

    [Fact]
    public async Task The_button_that_clears_the_skin_type_appears_only_when_a_skin_type_is_chosen()
    {
        var token = await StartDraftAsync(Complete() with { FitzpatrickType = null }, QuestionnaireStep.AboutYou);
        var page = await OpenAsync();
        Assert.Equal("About you", Heading(page));
        Assert.False(page.HasButton("I'm not sure: clear my skin type"));

        await page.Find("#fitzpatrickType-3").ChangeAsync("on");

        Assert.True(page.Find("#fitzpatrickType-3").HasAttribute("checked"));
        Assert.Equal(3, (await Drafts.LoadAsync(token, TestContext.Current.CancellationToken))!.Answers.FitzpatrickType);

        await page.PressAsync("I'm not sure: clear my skin type");

        Assert.False(page.HasButton("I'm not sure: clear my skin type"));
        Assert.Empty(page.FindAll("#fitzpatrickType input[checked]"));
        Assert.Null((await Drafts.LoadAsync(token, TestContext.Current.CancellationToken))!.Answers.FitzpatrickType);
    }

    public static TheoryData<QuestionnaireStep, string> OneProblemPerStep => new()
    {
        { QuestionnaireStep.Concerns, "concerns" },
        { QuestionnaireStep.AcneScars, "acneScarTypes" },
        { QuestionnaireStep.AboutYou, "age" },
        { QuestionnaireStep.Lifestyle, "smoking" },
        { QuestionnaireStep.Health, "usedHomeDevice" },
        { QuestionnaireStep.Start, "preferredStartDate" },
    };

    private IntakeAnswers WithAProblemIn(string field) => field switch
    {
        "concerns" => Complete() with { Concerns = [] },
        "acneScarTypes" => SampleAnswers.AcneScars(Today.AddDays(10)) with { AcneScarTypes = [] },
        "age" => Complete() with { Age = 12 },
        "smoking" => Complete() with { Smoking = null },
        "usedHomeDevice" => Complete() with { UsedHomeDevice = null },
        _ => Complete() with { PreferredStartDate = Today.AddDays(-1) },
    };

    [Theory]
    [MemberData(nameof(OneProblemPerStep))]
    public async Task A_problem_shows_beside_its_question_on_its_step_once_the_patient_tries_to_move_on(QuestionnaireStep step, string field)
    {
        await StartDraftAsync(WithAProblemIn(field), step);
        var page = await OpenAsync();
        var heading = Heading(page);
        Assert.Empty(page.FindAll($"#{field}-error"));

        await page.PressAsync(step == QuestionnaireStep.Start ? "See my plan" : "Next");

        Assert.Equal(heading, Heading(page));
        var error = page.Find($"#{field}-error");
        var answer = page.Find($"#{field}");
        var question = answer.LocalName == "fieldset" ? answer : answer.Closest(".question")!;
        Assert.True(question.Contains(error), $"#{field}-error is not inside its question:\n{question.OuterHtml}");
        Assert.Contains("has-error", question.ClassList);
        Assert.Contains($"{field}-error", answer.GetAttribute("aria-describedby")!.Split(' '));
        if (answer.LocalName == "input")
        {
            Assert.Equal("true", answer.GetAttribute("aria-invalid"));
        }

        Assert.Contains("attention", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal($"#{field}", JSInterop.Invocations["planner.focus"][^1].Arguments[0]);
    }

    [Fact]
    public async Task Asking_for_the_plan_with_an_earlier_step_unanswered_goes_back_to_that_step_and_shows_the_problem_there()
    {
        await StartDraftAsync(Complete() with { Smoking = null }, QuestionnaireStep.Start);
        var page = await OpenAsync();

        await page.PressAsync("See my plan");

        Assert.Equal("Everyday habits", Heading(page));
        Assert.True(page.Find("fieldset#smoking").Contains(page.Find("#smoking-error")));
        Assert.Contains("Showing Everyday habits", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.NotEqual("plan", CurrentPage());
    }

    [Fact]
    public async Task Complete_answers_lead_from_the_last_step_to_the_plan()
    {
        await StartDraftAsync(Complete(), QuestionnaireStep.Start);
        var page = await OpenAsync();
        Assert.Equal("When would you like to start?", Heading(page));
        Assert.Equal(Complete().PreferredStartDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), page.Find("#preferredStartDate").GetAttribute("value"));

        await page.PressAsync("See my plan");

        Assert.Equal("plan", CurrentPage());
        Assert.Empty(page.FindAll(".field-error"));
    }

    [Fact]
    public async Task Each_change_is_saved_to_a_draft_whose_token_the_browser_keeps()
    {
        BrowserHolds(null);
        var page = await OpenAsync();

        await page.Find("#concerns-Hyperpigmentation").ChangeAsync(true);

        var token = Assert.IsType<string>(JSInterop.VerifyInvoke("planner.setDraftToken").Arguments[0]);
        var draft = await Drafts.LoadAsync(token, TestContext.Current.CancellationToken);
        Assert.Equal([Concern.Hyperpigmentation], draft!.Answers.Concerns);
        Assert.StartsWith("Answers saved.", page.Find(".save-status").Text(), StringComparison.Ordinal);
        Assert.Equal("1", page.Find(".save-status").GetAttribute("data-answers-saved"));
    }

    [Fact]
    public async Task Answers_that_have_expired_are_explained_and_forgotten_by_the_browser()
    {
        BrowserHolds("a-token-for-no-draft");

        var page = await OpenAsync();

        Assert.Contains("Your saved answers are no longer here", page.Find(".mud-alert").Text(), StringComparison.Ordinal);
        JSInterop.VerifyInvoke("planner.clearDraftToken");
        Assert.Equal("What would you like to improve?", Heading(page));
    }

    [Fact]
    public async Task Answers_already_sent_are_not_kept_as_a_draft_and_a_new_plan_starts_empty()
    {
        var patient = await SignInAsPatientAsync();
        var token = await StartDraftAsync(Complete());
        await SendDraftAsync(patient, token);

        var page = await OpenAsync();

        Assert.Contains("Answers are removed once they are sent to the clinic", page.Find(".mud-alert").Text(), StringComparison.Ordinal);
        JSInterop.VerifyInvoke("planner.clearDraftToken");
        Assert.Equal("What would you like to improve?", Heading(page));
        Assert.Empty(page.FindAll("#concerns input[checked]"));
    }

    [Fact]
    public async Task Delete_my_answers_asks_first_then_removes_the_server_draft_and_the_browsers_key()
    {
        var token = await StartDraftAsync(Complete(), QuestionnaireStep.Lifestyle);
        var dialogs = RenderDialogHost();
        var page = await OpenAsync();

        page.Button("Delete my answers").ClickWithoutWaiting();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Delete your answers?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.PressAsync("Keep them");
        await dialogs.WaitForAssertionAsync(() => Assert.False(dialogs.HasButton("Keep them")));
        Assert.NotNull(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
        Assert.Equal("Everyday habits", Heading(page));

        page.Button("Delete my answers").ClickWithoutWaiting();
        await dialogs.WaitForAssertionAsync(() => Assert.True(dialogs.HasButton("Delete my answers")));
        await dialogs.PressAsync("Delete my answers");

        await page.WaitForAssertionAsync(() => Assert.Equal("What would you like to improve?", Heading(page)));
        Assert.Null(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
        JSInterop.VerifyInvoke("planner.clearDraftToken");
        Assert.Equal("Your answers have been deleted from this device and from our server.", page.Find(".save-status").Text());
        Assert.False(page.HasButton("Delete my answers"));
        Assert.Empty(page.FindAll("#concerns input[checked]"));
    }

    [Fact]
    public async Task Leaving_the_page_while_an_answer_is_being_saved_keeps_the_answer_and_the_circuit()
    {
        var token = await StartDraftAsync(Complete(), QuestionnaireStep.Concerns);
        var draft = await Drafts.LoadAsync(token, TestContext.Current.CancellationToken);
        var page = await OpenAsync();

        // Another transaction holds the draft's row, so the save of the next answer waits mid-flight.
        await using var db = await AppService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var hold = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"IntakeDrafts\" WHERE \"Id\" = {draft!.Id} FOR UPDATE", TestContext.Current.CancellationToken);
        var answering = page.Find("#concerns-Hyperpigmentation").ChangeAsync(true);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(answering.IsCompleted);

        await DisposeComponentsAsync();
        await hold.CommitAsync(TestContext.Current.CancellationToken);

        // The handler ends without an exception (one would end the patient's circuit) and the answer is stored.
        await answering.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var saved = await Drafts.LoadAsync(token, TestContext.Current.CancellationToken);
        Assert.Contains(Concern.Hyperpigmentation, saved!.Answers.Concerns);
    }
}
