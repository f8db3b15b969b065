using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Domain.Review;

namespace MicroneedlingPlanner.Components.Tests.Plans;

public sealed class MyPlanTests(ComponentsApp app) : ComponentTest(app)
{
    private const string WithdrawButton = "Withdraw this plan";

    private async Task<IRenderedComponent<MyPlan>> OpenAsync(Guid planId)
    {
        var page = Render<MyPlan>(p => p.Add(m => m.Id, planId));
        await page.WaitForElementAsync(".plan-status");
        return page;
    }

    private string TodayInWords => Today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    private static string Status(IRenderedComponent<MyPlan> page) => page.Find(".status-badge").Text();

    private async Task<SubmissionStatus> StoredStatusAsync(string patient, Guid planId) =>
        (await Plans.GetAsync(patient, planId, action: null, TestContext.Current.CancellationToken))!.Status;

    [Fact]
    public async Task The_patients_plan_shows_its_reference_status_and_the_plan_itself()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));

        var page = await OpenAsync(sent.PlanId);

        Assert.Equal($"Plan {sent.Reference}", page.Find("h1").Text());
        Assert.Equal("Sent", Status(page));
        Assert.Contains($"Sent on {TodayInWords}.", page.Find(".plan-status").Text(), StringComparison.Ordinal);
        // The calendar's events keep the draft's key, so the preview's file and this one update the same events.
        Assert.Equal(sent.Reference, page.FindComponent<PlanView>().Instance.FileLabel);
        Assert.NotEqual(Guid.Empty, page.Instance.Sent!.CalendarKey);
        Assert.Equal(page.Instance.Sent.CalendarKey, page.FindComponent<PlanView>().Instance.CalendarKey);
        Assert.NotNull(page.Find("#summary-heading"));
    }

    [Fact]
    public async Task Withdrawing_asks_first_and_keeping_the_plan_changes_nothing()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var dialogs = RenderDialogHost();
        var page = await OpenAsync(sent.PlanId);

        page.Button(WithdrawButton).ClickWithoutWaiting();

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Withdraw this plan?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("The clinic will no longer prepare this plan.", dialogs.Markup, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Submitted, await StoredStatusAsync(patient, sent.PlanId));

        await dialogs.PressAsync("Keep it");

        await dialogs.WaitForAssertionAsync(() => Assert.False(dialogs.HasButton("Keep it")));
        Assert.Equal("Sent", Status(page));
        Assert.True(page.HasButton(WithdrawButton));
        Assert.Equal(SubmissionStatus.Submitted, await StoredStatusAsync(patient, sent.PlanId));
    }

    [Fact]
    public async Task Confirming_the_withdrawal_withdraws_the_plan_and_keeps_it_on_the_page()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var dialogs = RenderDialogHost();
        var page = await OpenAsync(sent.PlanId);

        page.Button(WithdrawButton).ClickWithoutWaiting();
        await dialogs.WaitForAssertionAsync(() => Assert.True(dialogs.HasButton("Withdraw")));
        await dialogs.PressAsync("Withdraw");

        await page.WaitForAssertionAsync(() => Assert.Equal("Withdrawn", Status(page)));
        Assert.Contains($"Withdrawn on {TodayInWords}. It stays here for your records.", page.Find(".plan-status").Text(), StringComparison.Ordinal);
        Assert.False(page.HasButton(WithdrawButton));
        Assert.Equal(SubmissionStatus.Withdrawn, await StoredStatusAsync(patient, sent.PlanId));
    }

    [Fact]
    public async Task Another_patients_plan_is_not_found()
    {
        var owner = await CreateUserAsync(Roles.Patient);
        var sent = await SendAsync(owner.Id, SamplePlans.Rich(Today.AddDays(10)));
        await SignInAsPatientAsync();

        var page = Render<MyPlan>(p => p.Add(m => m.Id, sent.PlanId));

        await page.WaitForAssertionAsync(() => Assert.Equal("Your plan", page.Find("h1").Text()));
        Assert.DoesNotContain(sent.Reference, page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindComponents<PlanView>());
    }

    [Fact]
    public async Task A_new_plan_can_start_from_this_plans_answers()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var page = await OpenAsync(sent.PlanId);

        await page.PressAsync("Start a new plan from these answers");

        var token = Assert.IsType<string>(JSInterop.VerifyInvoke("planner.setDraftToken").Arguments[0]);
        Assert.NotNull(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
        Assert.Equal("plan/questions", CurrentPage());
    }
}
