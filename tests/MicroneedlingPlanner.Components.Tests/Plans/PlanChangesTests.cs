using System.Security.Claims;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Review;

namespace MicroneedlingPlanner.Components.Tests.Plans;

/// <summary>The patient's view of the clinic's proposed changes, and accepting them.</summary>
public sealed class PlanChangesTests(ComponentsApp app) : ComponentTest(app)
{
    private const string Note = "Internal: double-check the isotretinoin stop date.";

    private async Task<(string Patient, Guid PlanId, TreatmentPlan Sent)> ProposedAsync()
    {
        var review = AppService<ClinicReview>();
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var staffUser = await CreateUserAsync(Roles.Staff);
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, staffUser.Id), new(ClaimTypes.Role, Roles.Staff), new(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));
        var cancel = TestContext.Current.CancellationToken;
        var plan = (await review.GetAsync(staff, sent.PlanId, cancel))!;
        var version = Assert.IsType<ReviewResult.Saved>(await review.TakeIntoReviewAsync(staff, sent.PlanId, plan.Version, cancel)).Version;
        version = Assert.IsType<ReviewResult.Saved>(await review.SaveChecklistAsync(staff, sent.PlanId, version, new(true, true, true), cancel)).Version;
        Assert.IsType<ReviewResult.Saved>(await review.AddNoteAsync(staff, sent.PlanId, Note, cancel));
        Assert.IsType<ReviewResult.Saved>(await review.ProposeChangesAsync(staff, sent.PlanId, version, new PlanRevision
        {
            StartDate = new(Today.AddDays(28), "The clinic is closed the week you asked for."),
        }, "We look forward to seeing you.", cancel));
        return (patient, sent.PlanId, plan.Plan);
    }

    private async Task<IRenderedComponent<MyPlan>> OpenAsync(Guid planId)
    {
        var page = Render<MyPlan>(p => p.Add(m => m.Id, planId));
        await page.WaitForElementAsync(".plan-status");
        return page;
    }

    [Fact]
    public async Task A_changed_plan_shows_before_and_after_with_the_reason_and_the_message_but_no_note()
    {
        var (_, planId, sent) = await ProposedAsync();

        var page = await OpenAsync(planId);

        Assert.Equal("Changes proposed", page.Find(".status-badge").Text());
        Assert.Equal("The clinic proposes changes to your plan", page.Find("#changes-heading").Text());
        var row = page.Find(".changes-table tbody tr");
        Assert.Equal("First session", row.QuerySelector("th")!.Text());
        Assert.Equal(
            [sent.InitialSeries.SessionDates[0].ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
             Today.AddDays(28).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
             "The clinic is closed the week you asked for."],
            row.QuerySelectorAll("td").Select(td => td.Text()));
        Assert.Equal("We look forward to seeing you.", page.Find(".clinic-message").Text());
        Assert.DoesNotContain(Note, page.Markup, StringComparison.Ordinal);
        Assert.True(page.HasButton("Accept the proposed changes"));
        Assert.True(page.HasButton("Withdraw this plan"));
    }

    [Fact]
    public async Task Accepting_the_changes_makes_them_the_plan_and_raises_the_calendar_sequence()
    {
        var (_, planId, _) = await ProposedAsync();
        var dialogs = RenderDialogHost();
        var page = await OpenAsync(planId);

        page.Button("Accept the proposed changes").ClickWithoutWaiting();
        await dialogs.WaitForAssertionAsync(() => Assert.True(dialogs.HasButton("Accept")));
        await dialogs.PressAsync("Accept");

        await page.WaitForAssertionAsync(() => Assert.Equal("Accepted", page.Find(".status-badge").Text()));
        Assert.Equal("Changes the clinic made to your plan", page.Find("#changes-heading").Text());
        Assert.False(page.HasButton("Accept the proposed changes"));
        var view = page.FindComponent<PlanView>().Instance;
        Assert.Equal(Today.AddDays(28), view.Plan.InitialSeries.SessionDates[0]);
        Assert.Equal(1, view.CalendarSequence);
        Assert.Contains("(the clinic's date, which you accepted)", page.Find(".summary-grid").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(Note, page.Markup, StringComparison.Ordinal);
    }
}
