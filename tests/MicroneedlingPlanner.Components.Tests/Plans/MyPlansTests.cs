using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using MicroneedlingPlanner.Domain.Review;

namespace MicroneedlingPlanner.Components.Tests.Plans;

public sealed class MyPlansTests(ComponentsApp app) : ComponentTest(app)
{
    private async Task<IRenderedComponent<MyPlans>> OpenAsync()
    {
        var page = Render<MyPlans>();
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[role=status]")));
        return page;
    }

    // The clinic's side of the workflow has no page yet, so the statuses it will set are written directly.
    private async Task SetStatusAsync(Guid planId, SubmissionStatus status)
    {
        await using var db = await App.Factory.CreateDbContextAsync();
        await db.SubmittedPlans.Where(p => p.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_patient_without_plans_is_invited_to_make_one()
    {
        await SignInAsPatientAsync();

        var page = await OpenAsync();

        Assert.Contains("You have not sent a plan yet.", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("table"));
    }

    [Fact]
    public async Task Each_plan_is_listed_with_its_status_and_only_the_patients_own_plans_appear()
    {
        var patient = await SignInAsPatientAsync();
        var start = Today.AddDays(10);
        var statuses = new Dictionary<SubmissionStatus, string>();
        foreach (var status in Enum.GetValues<SubmissionStatus>())
        {
            var sent = await SendAsync(patient, SampleAnswers.AcneScars(start));
            if (status == SubmissionStatus.Withdrawn)
            {
                Assert.True(await Plans.WithdrawAsync(patient, sent.PlanId, TestContext.Current.CancellationToken));
            }
            else if (status != SubmissionStatus.Submitted)
            {
                await SetStatusAsync(sent.PlanId, status);
            }

            statuses[status] = sent.Reference;
        }

        var someoneElses = await SendAsync((await CreateUserAsync(Roles.Patient)).Id, SampleAnswers.AcneScars(start));

        var page = await OpenAsync();

        var rows = page.FindAll("tbody tr").ToDictionary(r => r.QuerySelector("th a")!.Text());
        Assert.Equal(statuses.Values.Order(), rows.Keys.Order());
        Assert.DoesNotContain(someoneElses.Reference, page.Markup, StringComparison.Ordinal);
        string[] wording = ["Sent", "In review", "Accepted", "Changes proposed", "Withdrawn"];
        Assert.Equal(wording, Enum.GetValues<SubmissionStatus>().Select(s => rows[statuses[s]].QuerySelector(".status-badge")!.Text()));
        Assert.All(statuses, s => Assert.Contains($"status-{s.Key.ToString().ToLowerInvariant()}", rows[s.Value].QuerySelector(".status-badge")!.ClassList));
        var row = rows[statuses[SubmissionStatus.Submitted]];
        Assert.Equal(["Main concern Acne scars", $"First session {PlanWording.Date(start)}"], row.QuerySelectorAll("td").Skip(1).Take(2).Select(td => td.Text()));
    }

    [Fact]
    public async Task A_plan_that_needs_review_lists_its_first_session_as_provisional()
    {
        var patient = await SignInAsPatientAsync();
        await SendAsync(patient, SamplePlans.NeedsReview(Today.AddDays(10)));

        var page = await OpenAsync();

        Assert.Equal($"First session {PlanWording.Date(Today.AddDays(10))} (provisional)", page.FindAll("tbody td")[2].Text());
    }

    [Fact]
    public async Task A_new_plan_can_start_from_the_answers_of_a_sent_one()
    {
        var patient = await SignInAsPatientAsync();
        var answers = SamplePlans.Rich(Today.AddDays(10));
        var sent = await SendAsync(patient, answers);
        var page = await OpenAsync();

        var reuse = page.Find($"button[aria-label='New plan from these answers of {sent.Reference}']");
        // Speech users say what they see: each action's name starts with its visible text (WCAG 2.5.3).
        Assert.StartsWith(reuse.Text(), reuse.GetAttribute("aria-label"), StringComparison.Ordinal);
        var view = page.Find($"a[href='my-plans/{sent.PlanId}'][aria-label]");
        Assert.StartsWith(view.Text(), view.GetAttribute("aria-label"), StringComparison.Ordinal);
        await reuse.PressAsync();

        var token = Assert.IsType<string>(JSInterop.VerifyInvoke("planner.setDraftToken").Arguments[0]);
        var draft = await Drafts.LoadAsync(token, TestContext.Current.CancellationToken);
        Assert.Equal(answers.Concerns, draft!.Answers.Concerns);
        Assert.Equal(answers.AcneScarTypes, draft.Answers.AcneScarTypes);
        Assert.Equal("plan/questions", CurrentPage());
    }

    [Fact]
    public async Task Each_value_carries_its_column_label_for_phones_where_the_header_row_is_hidden()
    {
        var patient = await SignInAsPatientAsync();
        await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var page = await OpenAsync();

        var headers = page.FindAll("thead th").Select(th => th.Text()).SkipLast(1).ToList();
        var cells = page.Find("tbody tr").Children.SkipLast(1).ToList();

        Assert.Equal(headers, cells.Select(c => c.QuerySelector(".cell-label")?.Text()));
        Assert.All(cells, c => Assert.Same(c.QuerySelector(".cell-label"), c.FirstElementChild));
    }

    [Fact]
    public async Task Unsent_answers_on_the_device_are_replaced_only_when_the_patient_agrees()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var unsent = await StartDraftAsync(SampleAnswers.LowRisk(Today.AddDays(20), Concern.Texture), QuestionnaireStep.Lifestyle);
        var dialogs = RenderDialogHost();
        var page = await OpenAsync();
        var reuse = page.Find($"button[aria-label='New plan from these answers of {sent.Reference}']");

        reuse.ClickWithoutWaiting();
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Replace your unsent answers?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.PressAsync("Keep my unsent answers");

        await dialogs.WaitForAssertionAsync(() => Assert.False(dialogs.HasButton("Replace them")));
        Assert.NotEqual("plan/questions", CurrentPage());
        JSInterop.VerifyNotInvoke("planner.setDraftToken");
        Assert.NotNull(await Drafts.LoadAsync(unsent, TestContext.Current.CancellationToken));

        page.Find($"button[aria-label='New plan from these answers of {sent.Reference}']").ClickWithoutWaiting();
        await dialogs.WaitForAssertionAsync(() => Assert.True(dialogs.HasButton("Replace them")));
        await dialogs.PressAsync("Replace them");

        await page.WaitForAssertionAsync(() => Assert.Equal("plan/questions", CurrentPage()));
        var token = Assert.IsType<string>(JSInterop.VerifyInvoke("planner.setDraftToken").Arguments[0]);
        Assert.NotEqual(unsent, token);
        Assert.Null(await Drafts.LoadAsync(unsent, TestContext.Current.CancellationToken));
    }
}
