using Microsoft.AspNetCore.Components;
using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Pages.Staff;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Recalls;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Components.Tests.Staff;

public sealed class RecallsPageTests(ComponentsApp app) : ComponentTest(app)
{
    private async Task<(string PatientId, string Email, Guid PlanId, string Reference, MaintenanceWindow Window)> SendPlanAsync()
    {
        var patient = await CreateUserAsync(Roles.Patient);
        var sent = await SendAsync(patient.Id, SampleAnswers.AcneScars(Today.AddDays(10)));
        await using var db = await App.Factory.CreateDbContextAsync();
        var window = await db.MaintenanceWindows.SingleAsync(w => w.PlanId == sent.PlanId && w.Number == 1, TestContext.Current.CancellationToken);
        return (patient.Id, patient.Email!, sent.PlanId, sent.Reference, window);
    }

    private static async Task ChoosePeriodAsync(IRenderedComponent<RecallsPage> page, DateOnly from, DateOnly to)
    {
        var dates = page.FindAll("input[type=date]");
        await dates[0].ChangeAsync(new ChangeEventArgs { Value = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await page.FindAll("input[type=date]")[1].ChangeAsync(new ChangeEventArgs { Value = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        await page.Find("form.recall-filters").SubmitAsync();
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<RecallsPage> page, string reference) =>
        page.FindAll("table.recalls tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(reference, StringComparison.Ordinal));

    [Fact]
    public async Task The_list_shows_a_patient_whose_window_opens_in_the_chosen_period_without_contact_details()
    {
        var sent = await SendPlanAsync();
        var staff = await CreateUserAsync(Roles.Staff);
        SignIn(staff, Roles.Staff);

        var page = Render<RecallsPage>();
        Assert.DoesNotContain(sent.Reference, page.Markup, StringComparison.Ordinal);
        await ChoosePeriodAsync(page, sent.Window.Start.AddDays(-1), sent.Window.Start.AddDays(1));

        var row = Row(page, sent.Reference);
        Assert.Contains("To contact", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Email", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Email, page.Markup, StringComparison.Ordinal);
        Assert.Contains("export.csv?from=", page.Find("#recall-csv").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_details_are_shown_on_request_and_audited_and_do_not_contact_sticks()
    {
        var sent = await SendPlanAsync();
        var staff = await CreateUserAsync(Roles.Staff);
        SignIn(staff, Roles.Staff);
        var page = Render<RecallsPage>();
        await ChoosePeriodAsync(page, sent.Window.Start, sent.Window.Start);

        await Row(page, sent.Reference).QuerySelector("button")!.ClickAsync(new());
        await page.Find("#recall-contact").ClickAsync(new());

        Assert.Contains(sent.Email, page.Find("dl.contact-details").TextContent, StringComparison.Ordinal);
        await using (var db = await App.Factory.CreateDbContextAsync())
        {
            var row = await db.AuditEntries.SingleAsync(a => a.UserId == staff.Id, TestContext.Current.CancellationToken);
            Assert.Equal((AuditActions.ContactDetailsViewed, sent.PatientId, (Guid?)sent.PlanId), (row.Action, row.PatientId, row.PlanId));
        }

        await page.Find("#recall-do-not-contact").ClickAsync(new());
        Assert.Contains("cannot be undone", page.Find("#recall-confirm-text").TextContent, StringComparison.Ordinal);
        await page.Find("#recall-cancel-do-not-contact").ClickAsync(new());
        Assert.Contains("To contact", Row(page, sent.Reference).TextContent, StringComparison.Ordinal);
        await page.Find("#recall-do-not-contact").ClickAsync(new());
        await page.Find("#recall-confirm-do-not-contact").ClickAsync(new());

        Assert.Contains("will not be listed as to contact again", page.Find(".recall-message").TextContent, StringComparison.Ordinal);
        Assert.Contains("Do not contact", Row(page, sent.Reference).TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#recall-log"));
    }

    [Fact]
    public async Task A_logged_contact_shows_as_the_last_contact()
    {
        var sent = await SendPlanAsync();
        var staff = await CreateUserAsync(Roles.Admin);
        SignIn(staff, Roles.Admin);
        var page = Render<RecallsPage>();
        await ChoosePeriodAsync(page, sent.Window.Start, sent.Window.Start);

        await Row(page, sent.Reference).QuerySelector("button")!.ClickAsync(new());
        await page.Find("#recall-log").ClickAsync(new());

        Assert.Contains("Phone call, no answer (1 in all)", Row(page, sent.Reference).TextContent, StringComparison.Ordinal);
        Assert.Contains("Contacted", Row(page, sent.Reference).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_in_words()
    {
        SignIn(await CreateUserAsync(Roles.Staff), Roles.Staff);
        var page = Render<RecallsPage>();

        await ChoosePeriodAsync(page, Today.AddDays(5), Today);

        Assert.Contains("The first day comes after the last day", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
