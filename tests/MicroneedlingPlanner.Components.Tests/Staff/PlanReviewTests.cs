using System.Security.Claims;
using MicroneedlingPlanner.Components.Tests.Plans;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Components.Pages.Staff;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Review;

namespace MicroneedlingPlanner.Components.Tests.Staff;

/// <summary>The review page: the rule ranges, the reasons and the override the domain asks for, and the outcome.</summary>
public sealed class PlanReviewTests(ComponentsApp app) : ComponentTest(app)
{
    private ClinicReview Review => AppService<ClinicReview>();

    /// <summary>A plan sent by a new patient and taken into review with the checklist ticked, and the page open for a signed-in staff user.</summary>
    private async Task<(IRenderedComponent<PlanReview> Page, Guid PlanId, TreatmentPlan Plan)> OpenInReviewAsync()
    {
        var patient = await CreateUserAsync(Roles.Patient);
        var sent = await SendAsync(patient.Id, SamplePlans.Rich(Today.AddDays(10)));
        var staff = await CreateUserAsync(Roles.Staff);
        SignIn(staff, Roles.Staff);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, staff.Id), new(ClaimTypes.Role, Roles.Staff), new(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));
        var plan = (await Review.GetAsync(principal, sent.PlanId, TestContext.Current.CancellationToken))!;
        var version = Assert.IsType<ReviewResult.Saved>(await Review.TakeIntoReviewAsync(principal, sent.PlanId, plan.Version, TestContext.Current.CancellationToken)).Version;
        Assert.IsType<ReviewResult.Saved>(await Review.SaveChecklistAsync(principal, sent.PlanId, version, new(true, true, true), TestContext.Current.CancellationToken));

        var page = Render<PlanReview>(p => p.Add(r => r.Id, sent.PlanId));
        await page.WaitForElementAsync("#propose-heading");
        // Let work already queued on the renderer (MudBlazor's after-render calls) finish before the test clicks, so no click meets a replaced handler.
        await page.InvokeAsync(() => Task.Yield());
        await page.InvokeAsync(() => { });
        return (page, sent.PlanId, plan.Plan);
    }

    private async Task<SubmissionStatus> StatusAsync(IRenderedComponent<PlanReview> page, Guid planId)
    {
        await using var db = await AppService<Microsoft.EntityFrameworkCore.IDbContextFactory<MicroneedlingPlanner.Web.Data.PlannerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.SubmittedPlans).Single(p => p.Id == planId).Status;
    }

    [Fact]
    public async Task Each_field_shows_its_rule_range_and_asks_for_a_reason_only_once_changed()
    {
        var (page, _, plan) = await OpenInReviewAsync();
        var series = plan.InitialSeries;

        var legends = page.FindAll("legend").Select(l => l.Text()).ToList();
        Assert.Contains($"Number of sessions (rule range {series.SessionsMin} to {series.SessionsMax})", legends);
        Assert.Contains($"Time between sessions (rule range {series.IntervalWeeksMin} to {series.IntervalWeeksMax} weeks)", legends);
        Assert.Contains($"Maintenance window (rule range {plan.Maintenance.RangeMonthsMin} to {plan.Maintenance.RangeMonthsMax} months after the series)", legends);
        Assert.Empty(page.FindAll("#sessions-reason"));

        // Another value within the range.
        var other = series.Sessions == series.SessionsMax ? series.SessionsMin : series.SessionsMax;
        page.Find("#sessions").Change(other.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(page.Find("#sessions-reason"));
        Assert.Empty(page.FindAll("#sessions-override"));
    }

    [Fact]
    public async Task Going_outside_the_range_needs_the_override_and_its_reason_before_anything_is_saved()
    {
        var (page, planId, plan) = await OpenInReviewAsync();
        var above = plan.InitialSeries.SessionsMax + 1;

        page.Find("#sessions").Change(above.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Find("#sessions-reason").Change("Deep rolling scars need more sessions.");
        Assert.Contains("This is outside the rule range.", page.Find(".override").Text(), StringComparison.Ordinal);

        // No override: the domain refuses, by the field, and nothing changes.
        await page.PressAsync("Propose these changes to the patient");
        Assert.Contains("outside the rules' range", page.Find("#sessions-override-error").Text(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.InReview, await StatusAsync(page, planId));

        // The override ticked but no reason for it: still refused.
        page.Find("#sessions-override").Change(true);
        await page.PressAsync("Propose these changes to the patient");
        Assert.Contains("outside the rules' range", page.Find("#sessions-override-error").Text(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.InReview, await StatusAsync(page, planId));

        page.Find("#sessions-override-reason").Change("Agreed with the lead clinician after seeing the patient.");
        await page.PressAsync("Propose these changes to the patient");

        await page.WaitForAssertionAsync(() => Assert.Equal("Changes proposed", page.Find(".status-badge").Text()));
        Assert.Equal(SubmissionStatus.ChangesProposed, await StatusAsync(page, planId));
        var history = page.Find(".history").Text();
        Assert.Contains($"Number of sessions changed from {plan.InitialSeries.Sessions} sessions to {above} sessions. Why: Deep rolling scars need more sessions.", history, StringComparison.Ordinal);
        Assert.Contains("Override: Agreed with the lead clinician after seeing the patient.", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_without_a_reason_is_refused_by_its_field()
    {
        var (page, planId, plan) = await OpenInReviewAsync();

        page.Find("#intervalWeeks").Change(plan.InitialSeries.IntervalWeeksMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.PressAsync("Propose these changes to the patient");

        Assert.Contains("Give a reason for changing time between sessions", page.Find("#intervalWeeks-reason-error").Text(), StringComparison.Ordinal);
        Assert.Contains("Nothing was saved.", page.Find(".review-problem").Text(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.InReview, await StatusAsync(page, planId));
    }

    [Fact]
    public async Task An_unticked_checklist_refuses_the_decision_with_a_message_and_an_accepted_plan_offers_no_more_decisions()
    {
        var (page, planId, _) = await OpenInReviewAsync();
        page.Find(".checklist input").Change(false);
        await page.PressAsync("Save checklist");

        await page.PressAsync("Accept the plan as sent");
        Assert.Equal(ClinicReview.ChecklistMessage, page.Find(".review-problem").Text());
        Assert.Equal(SubmissionStatus.InReview, await StatusAsync(page, planId));

        page.Find(".checklist input").Change(true);
        await page.PressAsync("Save checklist");
        await page.PressAsync("Accept the plan as sent");

        await page.WaitForAssertionAsync(() => Assert.Equal("Accepted", page.Find(".status-badge").Text()));
        Assert.False(page.HasButton("Accept the plan as sent"));
        Assert.False(page.HasButton("Save checklist"));
        Assert.Empty(page.FindAll("#propose-heading"));
    }

    [Fact]
    public async Task A_save_from_a_page_opened_before_another_save_is_refused_with_a_clear_message()
    {
        var (page, planId, plan) = await OpenInReviewAsync();
        // Someone else saves the plan after this page read it.
        var other = await CreateUserAsync(Roles.Staff);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, other.Id), new(ClaimTypes.Role, Roles.Staff), new(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));
        var version = (await Review.GetAsync(principal, planId, TestContext.Current.CancellationToken))!.Version;
        Assert.IsType<ReviewResult.Saved>(await Review.AcceptAsync(principal, planId, version, null, TestContext.Current.CancellationToken));

        page.Find("#intervalWeeks").Change(plan.InitialSeries.IntervalWeeksMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Find("#intervalWeeks-reason").Change("Slower healing.");
        await page.PressAsync("Propose these changes to the patient");

        Assert.Contains(ClinicReview.ConflictMessage, page.Find(".review-problem").Text(), StringComparison.Ordinal);
        Assert.True(page.HasButton("Reload the plan"));
        Assert.Equal(SubmissionStatus.Accepted, await StatusAsync(page, planId));
    }

    [Fact]
    public async Task A_plan_made_with_the_published_rules_shows_no_note_about_changed_rules()
    {
        var (page, _, _) = await OpenInReviewAsync();

        Assert.Empty(page.FindAll(".rules-now"));
    }

    [Fact]
    public async Task A_plan_the_published_rules_would_now_plan_differently_says_how()
    {
        var (_, planId, plan) = await OpenInReviewAsync();

        // As if it had been made by an earlier version that gave one session fewer.
        var earlier = plan with { RulesVersion = "0", InitialSeries = plan.InitialSeries with { Sessions = plan.InitialSeries.Sessions - 1 } };
        await using (var db = await AppService<Microsoft.EntityFrameworkCore.IDbContextFactory<MicroneedlingPlanner.Web.Data.PlannerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var row = db.SubmittedPlans.Single(p => p.Id == planId);
            row.PlanJson = Snapshot.Write(earlier);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = Render<PlanReview>(p => p.Add(r => r.Id, planId));
        await page.WaitForElementAsync(".rules-now", TimeSpan.FromSeconds(15));

        var note = page.Find(".rules-now").Text();
        Assert.Contains("The rules have changed since this plan was made.", note, StringComparison.Ordinal);
        Assert.Contains($"Sessions: {plan.InitialSeries.Sessions - 1} → {plan.InitialSeries.Sessions}", note, StringComparison.Ordinal);
    }
}
