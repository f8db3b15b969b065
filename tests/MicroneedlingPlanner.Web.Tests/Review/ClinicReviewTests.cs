using System.Net;
using System.Security.Claims;
using System.Text.Json;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Review;

/// <summary>The clinic's review and the patient's answer to it, through the app's services and pages on PostgreSQL.</summary>
[Collection(ClinicReviewOnPostgres.Name)]
public sealed class ClinicReviewTests(ClockedPostgresAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ClinicReview Review => app.Factory.Services.GetRequiredService<ClinicReview>();
    private PatientPlans Plans => app.Factory.Services.GetRequiredService<PatientPlans>();
    private DraftStore Drafts => app.Factory.Services.GetRequiredService<DraftStore>();
    private DateOnly Today => app.Factory.Services.GetRequiredService<ClinicClock>().Today;

    private async Task<(string Id, string Email)> NewUserAsync(string role)
    {
        var email = await app.Factory.CreateConfirmedUserAsync(role, Forms.StrongPassword);
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return (user!.Id, email);
    }

    private static ClaimsPrincipal Principal(string id, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));

    private async Task<ClaimsPrincipal> NewStaffAsync() => Principal((await NewUserAsync(Roles.Staff)).Id, Roles.Staff);

    private async Task<(string Patient, string Email, Guid PlanId)> SentPlanAsync()
    {
        var (patient, email) = await NewUserAsync(Roles.Patient);
        var (token, _) = await Drafts.StartAsync(SampleAnswers.AcneScars(Today.AddDays(10)), 5, Cancel);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, new SubmissionDetails(true, ContactPreference.Email, null, "Sam Patient"), Cancel));
        return (patient, email, stored.PlanId);
    }

    /// <summary>Takes the plan into review and ticks the checklist; returns the version to save from.</summary>
    private async Task<int> InReviewAsync(ClaimsPrincipal staff, Guid planId)
    {
        var plan = (await Review.GetAsync(staff, planId, Cancel))!;
        var saved = Assert.IsType<ReviewResult.Saved>(await Review.TakeIntoReviewAsync(staff, planId, plan.Version, Cancel));
        return Assert.IsType<ReviewResult.Saved>(await Review.SaveChecklistAsync(staff, planId, saved.Version, new(true, true, true), Cancel)).Version;
    }

    private async Task<SubmittedPlan> RowAsync(Guid planId)
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        return await db.SubmittedPlans.AsNoTracking().SingleAsync(p => p.Id == planId, Cancel);
    }

    private static PlanRevision LaterAndFurtherApart(TreatmentPlan plan, DateOnly start) => new()
    {
        StartDate = new(start, "The clinic has no appointments before then."),
        IntervalWeeks = new(plan.InitialSeries.IntervalWeeksMax, "Your skin needs longer to recover between sessions."),
    };

    /// <summary>Issue 12, item 4: the staff's free text (notes, reasons, messages) meets hostile input.</summary>
    [Fact]
    public async Task Hostile_text_from_staff_is_kept_as_typed_or_refused_on_its_field_never_an_error()
    {
        var staff = await NewStaffAsync();
        var (_, _, planId) = await SentPlanAsync();
        var version = await InReviewAsync(staff, planId);

        foreach (var text in HostileInput.Markup.Concat(HostileInput.Unicode).Concat(HostileInput.Other))
        {
            var result = await Review.AddNoteAsync(staff, planId, text, Cancel);
            if (result is ReviewResult.Invalid invalid)
            {
                Assert.Equal("note", Assert.Single(invalid.Errors).Field);
            }
            else
            {
                Assert.IsType<ReviewResult.Saved>(result);
            }
        }

        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var notes = await db.PlanEvents.Where(e => e.PlanId == planId && e.Kind == PlanEventKinds.Note).Select(e => e.Text).ToListAsync(Cancel);
            Assert.All(HostileInput.Markup, markup => Assert.Contains(markup.Trim(), notes));
        }

        var plan = (await Review.GetAsync(staff, planId, Cancel))!;
        var withNul = new PlanRevision { IntervalWeeks = new(plan.Plan.InitialSeries.IntervalWeeksMax, "longer\0between") };
        var refused = Assert.IsType<ReviewResult.Invalid>(await Review.ProposeChangesAsync(staff, planId, version, withNul, "a message\0", Cancel));
        Assert.Equal(["reason", "message"], refused.Errors.Select(e => e.Field));
        Assert.Equal("message", Assert.Single(Assert.IsType<ReviewResult.Invalid>(await Review.AcceptAsync(staff, planId, version, "\0", Cancel)).Errors).Field);

        var markupReason = new PlanRevision { IntervalWeeks = new(plan.Plan.InitialSeries.IntervalWeeksMax, HostileInput.Markup[0]) };
        Assert.IsType<ReviewResult.Saved>(await Review.ProposeChangesAsync(staff, planId, version, markupReason, HostileInput.Markup[1], Cancel));
        Assert.Equal(HostileInput.Markup[1], (await RowAsync(planId)).PatientMessage);
    }

    [Fact]
    public async Task Opening_a_plan_for_review_writes_an_audit_row_for_the_staff_user()
    {
        var staff = await NewStaffAsync();
        var (_, _, planId) = await SentPlanAsync();

        var plan = await Review.GetAsync(staff, planId, Cancel);

        Assert.NotNull(plan);
        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanId == planId && a.Action == AuditActions.StaffViewed && a.UserId == staff.FindFirstValue(ClaimTypes.NameIdentifier), Cancel));
    }

    [Fact]
    public async Task Transitions_the_workflow_refuses_change_nothing_and_say_why()
    {
        var staff = await NewStaffAsync();
        var (patient, _, planId) = await SentPlanAsync();
        var version = (await Review.GetAsync(staff, planId, Cancel))!.Version;

        // Staff cannot accept a plan nobody has taken into review.
        var refused = Assert.IsType<ReviewResult.Refused>(await Review.AcceptAsync(staff, planId, version, null, Cancel));
        Assert.Equal(ReviewWorkflow.Refusal(SubmissionStatus.Submitted, SubmissionStatus.Accepted, ReviewActor.Staff), refused.Message);

        // The patient cannot accept changes nobody proposed.
        Assert.Equal(ReviewWorkflow.Refusal(SubmissionStatus.Submitted, SubmissionStatus.Accepted, ReviewActor.Patient), await Plans.AcceptChangesAsync(patient, planId, Cancel));

        // In review, but the checklist is not ticked: no decision yet.
        var inReview = Assert.IsType<ReviewResult.Saved>(await Review.TakeIntoReviewAsync(staff, planId, version, Cancel)).Version;
        Assert.Equal(ClinicReview.ChecklistMessage, Assert.IsType<ReviewResult.Refused>(await Review.AcceptAsync(staff, planId, inReview, null, Cancel)).Message);

        // Withdrawn by the patient: staff can no longer move it.
        Assert.True(await Plans.WithdrawAsync(patient, planId, Cancel));
        var withdrawn = await RowAsync(planId);
        var afterWithdrawal = Assert.IsType<ReviewResult.Refused>(await Review.TakeIntoReviewAsync(staff, planId, withdrawn.Version, Cancel));
        Assert.Equal(ReviewWorkflow.Refusal(SubmissionStatus.Withdrawn, SubmissionStatus.InReview, ReviewActor.Staff), afterWithdrawal.Message);

        var row = await RowAsync(planId);
        Assert.Equal((SubmissionStatus.Withdrawn, withdrawn.Version), (row.Status, row.Version));
    }

    [Fact]
    public async Task The_second_of_two_staff_saving_the_same_plan_is_refused_and_overwrites_nothing()
    {
        var (first, second) = (await NewStaffAsync(), await NewStaffAsync());
        var (_, _, planId) = await SentPlanAsync();
        var version = await InReviewAsync(first, planId);
        var plan = (await Review.GetAsync(second, planId, Cancel))!;

        // Both opened the plan at the same version; the first proposes changes, then the second accepts it as sent.
        Assert.IsType<ReviewResult.Saved>(await Review.ProposeChangesAsync(first, planId, version, LaterAndFurtherApart(plan.Plan, Today.AddDays(30)), "See you next month.", Cancel));
        var clash = Assert.IsType<ReviewResult.Conflict>(await Review.AcceptAsync(second, planId, plan.Version, "Accepted.", Cancel));
        Assert.Equal(ClinicReview.ConflictMessage, clash.Message);

        var row = await RowAsync(planId);
        Assert.Equal(SubmissionStatus.ChangesProposed, row.Status);
        Assert.Equal("See you next month.", row.PatientMessage);
        Assert.NotNull(row.RevisedPlanJson);
    }

    [Fact]
    public async Task Two_saves_at_the_same_moment_from_the_same_version_store_exactly_one()
    {
        var staff = await NewStaffAsync();
        var others = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => NewStaffAsync()));
        var (_, _, planId) = await SentPlanAsync();
        var version = await InReviewAsync(staff, planId);

        // Each reads the row at the same version and writes its own checklist; the database lets one UPDATE through.
        var results = await Task.WhenAll(others.Select((user, i) => Task.Run(() => Review.SaveChecklistAsync(user, planId, version, new(i % 2 == 0, true, true), Cancel))));

        Assert.Single(results.OfType<ReviewResult.Saved>());
        Assert.All(results.Where(r => r is not ReviewResult.Saved), r => Assert.IsType<ReviewResult.Conflict>(r));
        Assert.Equal(version + 1, (await RowAsync(planId)).Version);
    }

    [Fact]
    public async Task The_database_refuses_a_save_that_read_the_plan_before_another_save()
    {
        var (_, _, planId) = await SentPlanAsync();
        await using var first = await app.Factory.CreateDbContextAsync();
        await using var second = await app.Factory.CreateDbContextAsync();
        var a = await first.SubmittedPlans.SingleAsync(p => p.Id == planId, Cancel);
        var b = await second.SubmittedPlans.SingleAsync(p => p.Id == planId, Cancel);

        // Both read the same version, as two services would between their check and their save.
        (a.PatientMessage, a.Version) = ("First", a.Version + 1);
        (b.PatientMessage, b.Version) = ("Second", b.Version + 1);
        await first.SaveChangesAsync(Cancel);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Cancel));
        Assert.Equal("First", (await RowAsync(planId)).PatientMessage);
    }

    [Fact]
    public async Task The_patient_sees_the_changes_reasons_and_message_but_never_the_internal_note()
    {
        var staff = await NewStaffAsync();
        var (patient, email, planId) = await SentPlanAsync();
        var version = await InReviewAsync(staff, planId);
        var plan = (await Review.GetAsync(staff, planId, Cancel))!;
        var note = $"Internal: query the isotretinoin date {Guid.NewGuid():N}";
        Assert.IsType<ReviewResult.Saved>(await Review.AddNoteAsync(staff, planId, note, Cancel));
        Assert.IsType<ReviewResult.Saved>(await Review.ProposeChangesAsync(staff, planId, version, LaterAndFurtherApart(plan.Plan, Today.AddDays(30)), "Please call us if the new dates do not suit you.", Cancel));

        // The service: the patient's plan carries the changes and the message, and nothing of the note.
        var seen = (await Plans.GetAsync(patient, planId, null, Cancel))!;
        Assert.Equal(SubmissionStatus.ChangesProposed, seen.Status);
        Assert.Equal(["Time between sessions", "First session"], seen.Changes!.Select(c => c.Label));
        Assert.Equal("Please call us if the new dates do not suit you.", seen.ClinicMessage);
        Assert.DoesNotContain(note, JsonSerializer.Serialize(seen, Snapshot.Options), StringComparison.Ordinal);

        // The page the patient opens.
        var client = app.Factory.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/my-plans/{planId}", Cancel));
        Assert.Contains("The clinic proposes changes to your plan", html, StringComparison.Ordinal);
        Assert.Contains("Your skin needs longer to recover between sessions.", html, StringComparison.Ordinal);
        Assert.Contains("Please call us if the new dates do not suit you.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(note, html, StringComparison.Ordinal);

        // Staff see the note in the history.
        Assert.Contains((await Review.GetAsync(staff, planId, Cancel))!.History, h => h.Internal && h.Text == note);
    }

    [Fact]
    public async Task Accepted_changes_keep_the_calendar_UIDs_with_the_new_dates_and_a_higher_sequence()
    {
        var staff = await NewStaffAsync();
        var (patient, _, planId) = await SentPlanAsync();
        var version = await InReviewAsync(staff, planId);
        var before = (await Plans.GetAsync(patient, planId, null, Cancel))!;
        var start = Today.AddDays(30);
        Assert.IsType<ReviewResult.Saved>(await Review.ProposeChangesAsync(staff, planId, version, LaterAndFurtherApart(before.Plan, start), null, Cancel));

        Assert.Null(await Plans.AcceptChangesAsync(patient, planId, Cancel));

        var after = (await Plans.GetAsync(patient, planId, null, Cancel))!;
        Assert.Equal(SubmissionStatus.Accepted, after.Status);
        Assert.Equal(start, after.Plan.InitialSeries.SessionDates[0]);
        Assert.Equal(start, (await RowAsync(planId)).FirstSessionDate);
        var oldEvents = Events(PlanCalendar.Write(before.Plan, before.CalendarKey, DateTimeOffset.Parse("2026-11-22T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), before.CalendarSequence));
        var newEvents = Events(PlanCalendar.Write(after.Plan, after.CalendarKey, DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), after.CalendarSequence));

        var sessions = oldEvents.Keys.Where(uid => uid.Contains("-session-", StringComparison.Ordinal)).ToList();
        Assert.Equal(sessions, newEvents.Keys.Where(uid => uid.Contains("-session-", StringComparison.Ordinal)));
        Assert.All(sessions, uid =>
        {
            Assert.NotEqual(oldEvents[uid]["DTSTART"], newEvents[uid]["DTSTART"]);
            Assert.True(int.Parse(newEvents[uid]["SEQUENCE"], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(oldEvents[uid].GetValueOrDefault("SEQUENCE", "0"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("20261123T090000Z", newEvents[uid]["DTSTAMP"]);
        });
        Assert.Equal(after.Plan.InitialSeries.SessionDates.Select(d => d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)), sessions.Select(uid => newEvents[uid]["DTSTART"]));
    }

    [Fact]
    public async Task A_patient_gets_nothing_from_the_staff_review_page_or_service()
    {
        var (patient, email, planId) = await SentPlanAsync();
        var client = app.Factory.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);

        var response = await client.GetAsync($"/staff/plans/{planId}", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Review.GetAsync(Principal(patient, Roles.Patient), planId, Cancel));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Review.AddNoteAsync(Principal(patient, Roles.Patient), planId, "note", Cancel));
        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.PlanId == planId && a.Action == AuditActions.StaffViewed, Cancel));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Factory.NewClient().GetAsync($"/staff/plans/{planId}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Staff_open_the_review_page_with_answers_plan_rules_version_and_ranges()
    {
        var (_, _, planId) = await SentPlanAsync();
        var client = app.Factory.NewClient();
        await client.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword), Forms.StrongPassword);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/staff/plans/{planId}", Cancel));

        Assert.Contains("The patient's answers", html, StringComparison.Ordinal);
        Assert.Contains("The plan as sent", html, StringComparison.Ordinal);
        Assert.Contains("Made with treatment rules version", html, StringComparison.Ordinal);
        Assert.Contains("rule range", html, StringComparison.Ordinal);
        Assert.Contains("Reviewer checklist", html, StringComparison.Ordinal);
    }

    /// <summary>Each VEVENT by UID: property name (without parameters) to value.</summary>
    private static Dictionary<string, Dictionary<string, string>> Events(string calendar)
    {
        var events = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        var inAlarm = false;
        foreach (var line in calendar.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            switch (line)
            {
                case "BEGIN:VEVENT": current = []; break;
                case "END:VEVENT": events[current!["UID"]] = current; current = null; break;
                case "BEGIN:VALARM": inAlarm = true; break;
                case "END:VALARM": inAlarm = false; break;
                default:
                    if (current is not null && !inAlarm)
                    {
                        var colon = line.IndexOf(':', StringComparison.Ordinal);
                        current[line[..colon].Split(';')[0]] = line[(colon + 1)..];
                    }

                    break;
            }
        }

        return events;
    }
}
