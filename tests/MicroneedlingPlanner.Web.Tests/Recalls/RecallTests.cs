using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Tests.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Recalls;

/// <summary>The maintenance recall list on PostgreSQL: the period filter, the statuses, "do not contact" and the audited CSV.</summary>
[Collection(RecallsOnPostgres.Name)]
public sealed class RecallTests(ClockedPostgresAppFixture app)
{
    private RecallList Recalls => app.Factory.Services.GetRequiredService<RecallList>();
    private DateOnly Today => app.Factory.Services.GetRequiredService<ClinicClock>().Today;

    private sealed record Sent(string PatientId, string Email, Guid PlanId, string Reference, MaintenanceWindow First, MaintenanceWindow Second);

    private async Task<(string Id, string Email)> NewUserAsync(string role)
    {
        var email = await app.Factory.CreateConfirmedUserAsync(role, Forms.StrongPassword);
        using var scope = app.Factory.Services.CreateScope();
        return ((await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id, email);
    }

    private async Task<Sent> SendPlanAsync((string Id, string Email)? patient = null, string phone = "+44 20 7946 0958")
    {
        var (id, email) = patient ?? await NewUserAsync(Roles.Patient);
        var drafts = app.Factory.Services.GetRequiredService<DraftStore>();
        var (token, _) = await drafts.StartAsync(SampleAnswers.AcneScars(Today.AddDays(10)), 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await app.Factory.Services.GetRequiredService<PatientPlans>()
            .SubmitDraftAsync(id, token, new SubmissionDetails(true, ContactPreference.Phone, phone, "Sam Patient"), TestContext.Current.CancellationToken));
        await using var db = await app.Factory.CreateDbContextAsync();
        var windows = await db.MaintenanceWindows.Where(w => w.PlanId == stored.PlanId).OrderBy(w => w.Number).ToListAsync(TestContext.Current.CancellationToken);
        return new(id, email, stored.PlanId, stored.Reference, windows[0], windows[1]);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> StaffAsync() => AuditTestData.User((await NewUserAsync(Roles.Staff)).Id, Roles.Staff);

    [Fact]
    public async Task Sending_a_plan_stores_its_maintenance_windows_in_order()
    {
        var sent = await SendPlanAsync();

        var plan = await app.Factory.Services.GetRequiredService<PatientPlans>().GetAsync(sent.PatientId, sent.PlanId, action: null, TestContext.Current.CancellationToken);
        await using var db = await app.Factory.CreateDbContextAsync();
        var stored = await db.MaintenanceWindows.Where(w => w.PlanId == sent.PlanId).OrderBy(w => w.Number).Select(w => new Domain.Planning.DateWindow(w.Start, w.End)).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(plan!.Plan.Maintenance.Windows, stored);
    }

    [Fact]
    public async Task A_patient_appears_when_the_next_window_opens_in_the_period_and_not_otherwise()
    {
        var sent = await SendPlanAsync();
        var staff = await StaffAsync();

        var covering = await Recalls.ListAsync(staff, new RecallQuery(sent.First.Start.AddDays(-3), sent.First.Start.AddDays(3)), TestContext.Current.CancellationToken);
        var before = await Recalls.ListAsync(staff, new RecallQuery(Today, sent.First.Start.AddDays(-1)), TestContext.Current.CancellationToken);
        var secondOnly = await Recalls.ListAsync(staff, new RecallQuery(sent.First.End.AddDays(1), sent.Second.End), TestContext.Current.CancellationToken);

        var item = Assert.Single(covering, i => i.PlanId == sent.PlanId);
        Assert.Equal((1, sent.First.Start, sent.First.End, RecallStatus.ToContact, ContactPreference.Phone), (item.WindowNumber, item.WindowStart, item.WindowEnd, item.Status, item.ContactPreference));
        Assert.DoesNotContain(before, i => i.PlanId == sent.PlanId);
        // Only the next window counts: the second is not listed while the first is still to come.
        Assert.DoesNotContain(secondOnly, i => i.PlanId == sent.PlanId);
    }

    [Fact]
    public async Task Attempts_are_logged_and_set_the_status()
    {
        var sent = await SendPlanAsync();
        var staff = await StaffAsync();
        var period = new RecallQuery(sent.First.Start, sent.First.Start);

        Assert.Equal(RecallChange.Saved, await Recalls.LogAttemptAsync(staff, sent.PlanId, 1, ContactMethod.Phone, ContactOutcome.NoAnswer, TestContext.Current.CancellationToken));
        Assert.Equal(RecallChange.Saved, await Recalls.LogAttemptAsync(staff, sent.PlanId, 1, ContactMethod.Email, ContactOutcome.Booked, TestContext.Current.CancellationToken));

        var item = Assert.Single(await Recalls.ListAsync(staff, period, TestContext.Current.CancellationToken), i => i.PlanId == sent.PlanId);
        Assert.Equal(RecallStatus.Booked, item.Status);
        Assert.Equal(2, item.Attempts);
        Assert.Equal((ContactMethod.Email, ContactOutcome.Booked), (item.LastAttempt!.Method, item.LastAttempt.Outcome));
        Assert.DoesNotContain(await Recalls.ListAsync(staff, period with { Status = RecallStatus.ToContact }, TestContext.Current.CancellationToken), i => i.PlanId == sent.PlanId);
        Assert.Contains(await Recalls.ListAsync(staff, period with { Status = RecallStatus.Booked }, TestContext.Current.CancellationToken), i => i.PlanId == sent.PlanId);
    }

    [Fact]
    public async Task A_patient_marked_do_not_contact_is_never_to_contact_again_for_any_plan()
    {
        var patient = await NewUserAsync(Roles.Patient);
        var first = await SendPlanAsync(patient);
        var staff = await StaffAsync();

        Assert.Equal(RecallChange.Saved, await Recalls.SetStatusAsync(staff, first.PlanId, 1, RecallStatus.DoNotContact, TestContext.Current.CancellationToken));
        var later = await SendPlanAsync(patient);

        var period = new RecallQuery(Today, first.Second.End);
        var toContact = await Recalls.ListAsync(staff, period with { Status = RecallStatus.ToContact }, TestContext.Current.CancellationToken);
        var all = await Recalls.ListAsync(staff, period, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(toContact, i => i.PlanId == first.PlanId || i.PlanId == later.PlanId);
        Assert.All(all.Where(i => i.PlanId == first.PlanId || i.PlanId == later.PlanId), i => Assert.Equal(RecallStatus.DoNotContact, i.Status));
        Assert.Equal(2, all.Count(i => i.PlanId == first.PlanId || i.PlanId == later.PlanId));
        Assert.Equal(RecallChange.PatientAskedNotToBeContacted,
            await Recalls.SetStatusAsync(staff, later.PlanId, 1, RecallStatus.ToContact, TestContext.Current.CancellationToken));
        Assert.Equal(RecallChange.PatientAskedNotToBeContacted,
            await Recalls.LogAttemptAsync(staff, later.PlanId, 1, ContactMethod.Phone, ContactOutcome.Spoke, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_withdrawn_plan_is_not_recalled()
    {
        var sent = await SendPlanAsync();
        Assert.True(await app.Factory.Services.GetRequiredService<PatientPlans>().WithdrawAsync(sent.PatientId, sent.PlanId, TestContext.Current.CancellationToken));

        var list = await Recalls.ListAsync(await StaffAsync(), new RecallQuery(Today, sent.Second.End), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(list, i => i.PlanId == sent.PlanId);
    }

    [Fact]
    public async Task A_patient_gets_nothing_from_the_recall_service()
    {
        var patient = await NewUserAsync(Roles.Patient);
        var asPatient = AuditTestData.User(patient.Id, Roles.Patient);
        var sent = await SendPlanAsync(patient);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Recalls.ListAsync(asPatient, new RecallQuery(Today, Today.AddYears(1)), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Recalls.ContactDetailsAsync(asPatient, sent.PlanId, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Recalls.ExportCsvAsync(asPatient, new RecallQuery(Today, Today.AddYears(1)), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Recalls.SetStatusAsync(asPatient, sent.PlanId, 1, RecallStatus.DoNotContact, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Opening_contact_details_writes_one_audit_row()
    {
        var sent = await SendPlanAsync();
        var staffUser = await NewUserAsync(Roles.Staff);

        var details = await Recalls.ContactDetailsAsync(AuditTestData.User(staffUser.Id, Roles.Staff), sent.PlanId, TestContext.Current.CancellationToken);

        Assert.Equal((sent.Email, "+44 20 7946 0958"), (details!.Email, details.Phone));
        await using var db = await app.Factory.CreateDbContextAsync();
        var row = await db.AuditEntries.SingleAsync(a => a.UserId == staffUser.Id, TestContext.Current.CancellationToken);
        Assert.Equal((AuditActions.ContactDetailsViewed, Roles.Staff, sent.PatientId, (Guid?)sent.PlanId, AuditSeen.ContactDetails), (row.Action, row.Role, row.PatientId, row.PlanId, row.Seen));
    }

    [Fact]
    public async Task The_csv_export_over_http_holds_the_row_and_writes_an_audit_row_for_each_line()
    {
        var sent = await SendPlanAsync(phone: "=HYPERLINK(\"x\") 0207 946 0958");
        var staffEmail = await app.Factory.CreateConfirmedUserAsync(Roles.Admin, Forms.StrongPassword);
        var client = app.Factory.NewClient();
        await client.SignInAsync(staffEmail, Forms.StrongPassword);
        var day = sent.First.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.GetAsync($"/staff/recalls/export.csv?from={day}&to={day}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RecallCsv.Columns), lines[0]);
        var line = Assert.Single(lines, l => l.StartsWith(sent.Reference, StringComparison.Ordinal));
        Assert.Contains(sent.Email, line, StringComparison.Ordinal);
        Assert.Contains($"{sent.First.Start:yyyy-MM-dd},{sent.First.End:yyyy-MM-dd},Phone", line, StringComparison.Ordinal);
        // A phone entry that a spreadsheet would run as a formula is escaped.
        Assert.Contains("'=HYPERLINK", line, StringComparison.Ordinal);

        await using var db = await app.Factory.CreateDbContextAsync();
        var staffId = await db.Users.Where(u => u.Email == staffEmail).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        // Signing in is audited too; this is about the export's rows.
        var rows = await db.AuditEntries.Where(a => a.UserId == staffId && !a.Action.StartsWith(AuditActions.AccountPrefix)).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(lines.Length - 1, rows.Count);
        Assert.All(rows, r => Assert.Equal((AuditActions.RecallsExported, Roles.Admin, AuditSeen.RecallExport), (r.Action, r.Role, r.Seen)));
        Assert.Contains(rows, r => r.PlanId == sent.PlanId && r.PatientId == sent.PatientId);
    }

    [Fact]
    public async Task A_patient_cannot_download_the_csv()
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword), Forms.StrongPassword);

        var response = await client.GetAsync($"/staff/recalls/export.csv?from={Today:yyyy-MM-dd}&to={Today.AddYears(1):yyyy-MM-dd}", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Reference,", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_sent_before_the_table_existed_get_their_windows_at_start_up()
    {
        var sent = await SendPlanAsync();
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            await db.MaintenanceWindows.Where(w => w.PlanId == sent.PlanId).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(await MaintenanceWindowBackfill.RunAsync(app.Factory.Services, TestContext.Current.CancellationToken) >= 1);

        await using var check = await app.Factory.CreateDbContextAsync();
        Assert.Equal(sent.First.Start, (await check.MaintenanceWindows.SingleAsync(w => w.PlanId == sent.PlanId && w.Number == 1, TestContext.Current.CancellationToken)).Start);
    }
}
