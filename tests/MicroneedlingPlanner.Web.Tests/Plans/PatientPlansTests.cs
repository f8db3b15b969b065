using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MicroneedlingPlanner.Domain.Review;

namespace MicroneedlingPlanner.Web.Tests.Plans;

/// <summary>Drafts, submission, withdrawal and ownership, through the app's services on PostgreSQL.</summary>
[Collection(PatientPlansOnPostgres.Name)]
public sealed class PatientPlansTests(ClockedPostgresAppFixture app)
{
    private static readonly SubmissionDetails Consented = new(true, ContactPreference.Email, null, "Sam Patient");

    private DraftStore Drafts => app.Factory.Services.GetRequiredService<DraftStore>();
    private PatientPlans Plans => app.Factory.Services.GetRequiredService<PatientPlans>();

    private IntakeAnswers AcneScars() => SampleAnswers.AcneScars(DateOnly.FromDateTime(app.Clock.Now.UtcDateTime).AddDays(10));

    private async Task<string> NewPatientAsync()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        using var scope = app.Factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return user!.Id;
    }

    [Fact]
    public async Task Concurrent_double_submits_store_exactly_one_plan()
    {
        var patient = await NewPatientAsync();
        var (token, draft) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Plans.SubmitDraftAsync(patient, token, Consented))));

        // Those that loaded the draft before it was deleted get the one plan; later ones find no draft.
        var stored = Assert.Single(results.OfType<SubmitResult.Stored>().Distinct());
        Assert.All(results, r => Assert.True(r == stored || r is SubmitResult.NoDraft, $"Unexpected {r}"));
        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.False(await db.IntakeDrafts.AnyAsync(d => d.Id == draft.Id, TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.SubmittedPlans.CountAsync(p => p.IdempotencyKey == draft.SubmissionKey, TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.PlanId == stored.PlanId && a.Action == AuditActions.Submitted, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_phone_entry_longer_than_the_column_is_refused_by_name_and_the_draft_is_kept()
    {
        var patient = await NewPatientAsync();
        var (token, _) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);
        // Eleven digits, so only the length is wrong; on PostgreSQL this used to fail the insert.
        var longEntry = "+44 20 7946 0958, ask for the patient by name please, after 6pm";

        var result = await Plans.SubmitDraftAsync(patient, token, new SubmissionDetails(true, ContactPreference.Phone, longEntry, "Sam Patient"), TestContext.Current.CancellationToken);

        var error = Assert.Single(Assert.IsType<SubmitResult.Invalid>(result).Errors);
        Assert.Equal("contactPhone", error.Field);
        Assert.Contains($"at most {PatientPlans.MaxPhoneLength} characters", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Only_a_second_row_with_the_same_submission_key_counts_as_sent_already()
    {
        var patient = await NewPatientAsync();
        var (token, draft) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        async Task<DbUpdateException> InsertCopyAsync(Action<SubmittedPlan> change)
        {
            await using var db = await app.Factory.CreateDbContextAsync();
            var copy = await db.SubmittedPlans.AsNoTracking().SingleAsync(p => p.Id == stored.PlanId, TestContext.Current.CancellationToken);
            copy.Id = Guid.CreateVersion7();
            copy.Reference = $"MP-{Guid.NewGuid():N}"[..12];
            copy.IdempotencyKey = Guid.NewGuid();
            change(copy);
            db.SubmittedPlans.Add(copy);
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        Assert.True(PatientPlans.IsSameSubmission(await InsertCopyAsync(p => p.IdempotencyKey = draft.SubmissionKey)));
        Assert.False(PatientPlans.IsSameSubmission(await InsertCopyAsync(p => p.Reference = stored.Reference)));
        Assert.False(PatientPlans.IsSameSubmission(await InsertCopyAsync(p => p.ContactPhone = new string('1', PatientPlans.MaxPhoneLength + 1))));
    }

    [Fact]
    public async Task Sending_deletes_the_draft_and_stores_the_queryable_columns()
    {
        var patient = await NewPatientAsync();
        var answers = AcneScars();
        var (token, draft) = await Drafts.StartAsync(answers, 5, TestContext.Current.CancellationToken);

        var first = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        // The stored plan is the only copy of the answers: no second copy waits 30 days in the drafts.
        Assert.IsType<SubmitResult.NoDraft>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));
        Assert.Null(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
        Assert.Matches("^MP-[A-Z2-9]{4}-[A-Z2-9]{4}$", first.Reference);
        await using var db = await app.Factory.CreateDbContextAsync();
        var row = await db.SubmittedPlans.SingleAsync(p => p.Id == first.PlanId, TestContext.Current.CancellationToken);
        Assert.Equal(SubmissionStatus.Submitted, row.Status);
        Assert.Equal(Concern.AcneScars, row.PrimaryConcern);
        Assert.Equal(answers.PreferredStartDate, row.FirstSessionDate);
        Assert.Equal(Domain.Rules.DefaultRules.Version, row.RulesVersion);
        Assert.Contains("\"sessionDates\"", row.PlanJson, StringComparison.Ordinal);
        Assert.False(await db.IntakeDrafts.AnyAsync(d => d.Id == draft.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_sent_plan_keys_its_calendar_with_the_drafts_submission_key()
    {
        var patient = await NewPatientAsync();
        var (token, draft) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        var sent = await Plans.GetAsync(patient, stored.PlanId, cancellationToken: TestContext.Current.CancellationToken);

        // The preview writes its calendar with the draft's key: the same key gives the same event UIDs.
        Assert.Equal(draft.SubmissionKey, sent!.CalendarKey);
    }

    [Fact]
    public async Task Submitting_without_consent_or_a_phone_number_stores_nothing_and_says_why()
    {
        var patient = await NewPatientAsync();
        var (token, draft) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);

        var result = await Plans.SubmitDraftAsync(patient, token, new SubmissionDetails(false, ContactPreference.Phone, "12", "Sam Patient"), TestContext.Current.CancellationToken);

        var invalid = Assert.IsType<SubmitResult.Invalid>(result);
        Assert.Equal(["consent", "contactPhone"], invalid.Errors.Select(e => e.Field).Order());
        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.False(await db.SubmittedPlans.AnyAsync(p => p.IdempotencyKey == draft.SubmissionKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Incomplete_answers_are_refused_with_field_errors()
    {
        var patient = await NewPatientAsync();
        var (token, _) = await Drafts.StartAsync(AcneScars() with { Age = 12, AcneScarTypes = [] }, 2, TestContext.Current.CancellationToken);

        var invalid = Assert.IsType<SubmitResult.Invalid>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        Assert.Contains(invalid.Errors, e => e.Field == "age");
        Assert.Contains(invalid.Errors, e => e.Field == "acneScarTypes");
    }

    [Fact]
    public async Task Scar_answers_kept_after_unticking_acne_scars_do_not_block_sending()
    {
        var patient = await NewPatientAsync();
        var kept = AcneScars() with { Concerns = [Concern.Texture] };
        var (token, _) = await Drafts.StartAsync(kept, 5, TestContext.Current.CancellationToken);

        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        var plan = await Plans.GetAsync(patient, stored.PlanId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(plan!.Answers.AcneScarTypes);
        Assert.Null(plan.Answers.AcneScarSeverity);
        Assert.Equal(Concern.Texture, plan.Plan.PrimaryConcern);
    }

    [Fact]
    public async Task Withdrawn_plans_stay_stored_and_listed()
    {
        var patient = await NewPatientAsync();
        var answers = AcneScars();
        var (token, _) = await Drafts.StartAsync(answers, 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        Assert.True(await Plans.WithdrawAsync(patient, stored.PlanId, TestContext.Current.CancellationToken));
        Assert.False(await Plans.WithdrawAsync(patient, stored.PlanId, TestContext.Current.CancellationToken));

        var listed = Assert.Single(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));
        Assert.Equal(SubmissionStatus.Withdrawn, listed.Status);
        var plan = await Plans.GetAsync(patient, stored.PlanId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(SubmissionStatus.Withdrawn, plan!.Status);
        Assert.NotNull(plan.WithdrawnOn);
        var expected = Domain.Planning.Planner.Create(answers, Domain.Rules.DefaultRules.Create(), answers.PreferredStartDate!.Value);
        Assert.Equal(expected.InitialSeries.SessionDates, plan.Plan.InitialSeries.SessionDates);
    }

    [Fact]
    public async Task Another_patient_can_neither_read_nor_withdraw_nor_reuse_a_plan()
    {
        var owner = await NewPatientAsync();
        var other = await NewPatientAsync();
        var (token, _) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(owner, token, Consented, TestContext.Current.CancellationToken));

        Assert.Null(await Plans.GetAsync(other, stored.PlanId, cancellationToken: TestContext.Current.CancellationToken));
        Assert.False(await Plans.WithdrawAsync(other, stored.PlanId, TestContext.Current.CancellationToken));
        Assert.Null(await Plans.StartFromAsync(other, stored.PlanId, TestContext.Current.CancellationToken));
        Assert.Empty(await Plans.ListAsync(other, TestContext.Current.CancellationToken));
        Assert.IsType<SubmitResult.NoDraft>(await Plans.SubmitDraftAsync(other, token, Consented, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reading_a_plan_is_logged_with_ids_only()
    {
        var patient = await NewPatientAsync();
        var (token, _) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        await Plans.GetAsync(patient, stored.PlanId, cancellationToken: TestContext.Current.CancellationToken);

        await using var db = await app.Factory.CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.PlanId == stored.PlanId && a.Action == AuditActions.Viewed, TestContext.Current.CancellationToken);
        Assert.Equal(patient, entry.UserId);
    }

    [Fact]
    public async Task Reusing_a_plan_starts_a_new_draft_with_its_answers()
    {
        var patient = await NewPatientAsync();
        var answers = AcneScars();
        var (token, _) = await Drafts.StartAsync(answers, 5, TestContext.Current.CancellationToken);
        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));

        var newToken = await Plans.StartFromAsync(patient, stored.PlanId, TestContext.Current.CancellationToken);

        var draft = await Drafts.LoadAsync(newToken, TestContext.Current.CancellationToken);
        Assert.NotNull(draft);
        Assert.Equal(answers.AcneScarTypes, draft.Answers.AcneScarTypes);
        Assert.Equal(answers.Age, draft.Answers.Age);
    }

    [Fact]
    public async Task Drafts_expire_thirty_days_after_their_last_save()
    {
        var (kept, _) = await Drafts.StartAsync(AcneScars(), 1, TestContext.Current.CancellationToken);
        var (abandoned, _) = await Drafts.StartAsync(AcneScars(), 1, TestContext.Current.CancellationToken);

        app.Clock.Advance(TimeSpan.FromDays(20));
        Assert.True(await Drafts.SaveAsync(kept, AcneScars() with { Age = 40 }, 3, TestContext.Current.CancellationToken));
        app.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        Assert.Null(await Drafts.LoadAsync(abandoned, TestContext.Current.CancellationToken));
        Assert.False(await Drafts.SaveAsync(abandoned, AcneScars(), 2, TestContext.Current.CancellationToken));
        var resumed = await Drafts.LoadAsync(kept, TestContext.Current.CancellationToken);
        Assert.Equal((40, 3), (resumed!.Answers.Age, resumed.Step));

        Assert.True(await Drafts.PurgeExpiredAsync(TestContext.Current.CancellationToken) >= 1);
        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.False(await db.IntakeDrafts.AnyAsync(d => d.TokenHash == DraftStore.Hash(abandoned), TestContext.Current.CancellationToken));
        Assert.True(await db.IntakeDrafts.AnyAsync(d => d.TokenHash == DraftStore.Hash(kept), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sending_keeps_the_name_and_phone_in_the_profile_and_a_copy_of_the_name_with_the_plan()
    {
        var patient = await NewPatientAsync();
        Assert.Equal(new PatientContact(null, null), await Plans.GetContactAsync(patient, TestContext.Current.CancellationToken));
        var (token, _) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);

        var stored = Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(
            patient, token, new SubmissionDetails(true, ContactPreference.Phone, " 020 7946 0958 ", "  Sam Okafor "), TestContext.Current.CancellationToken));

        Assert.Equal(new PatientContact("Sam Okafor", "020 7946 0958"), await Plans.GetContactAsync(patient, TestContext.Current.CancellationToken));

        // Changed later under "Your account": the profile changes, the plan keeps the name it was sent with.
        Assert.Empty(await Plans.UpdateContactAsync(patient, new PatientContact("Samantha Okafor", ""), TestContext.Current.CancellationToken));
        Assert.Equal(new PatientContact("Samantha Okafor", null), await Plans.GetContactAsync(patient, TestContext.Current.CancellationToken));

        await using var db = await app.Factory.CreateDbContextAsync();
        var row = await db.SubmittedPlans.SingleAsync(p => p.Id == stored.PlanId, TestContext.Current.CancellationToken);
        var plan = Snapshot.Read<MicroneedlingPlanner.Domain.Planning.TreatmentPlan>(row.PlanJson);
        Assert.Equal("Sam Okafor", row.PatientName);
        Assert.Equal(plan.InitialSeries.Sessions, row.Sessions);
        Assert.Equal(plan.Flags.Any(f => f.Severity == MicroneedlingPlanner.Domain.Planning.FlagSeverity.Refer), row.HasRefer);
        Assert.Equal(plan.Flags.Any(f => f.Severity == MicroneedlingPlanner.Domain.Planning.FlagSeverity.Caution), row.HasCaution);
    }

    [Fact]
    public async Task A_missing_name_is_refused_on_sending_and_bad_details_are_refused_in_the_profile()
    {
        var patient = await NewPatientAsync();
        var (token, _) = await Drafts.StartAsync(AcneScars(), 5, TestContext.Current.CancellationToken);

        var invalid = Assert.IsType<SubmitResult.Invalid>(await Plans.SubmitDraftAsync(
            patient, token, new SubmissionDetails(true, ContactPreference.Email, null, "   "), TestContext.Current.CancellationToken));
        Assert.Equal("preferredName", Assert.Single(invalid.Errors).Field);

        var problems = await Plans.UpdateContactAsync(patient, new PatientContact(new string('a', ApplicationUser.MaxNameLength + 1), "12"), TestContext.Current.CancellationToken);
        Assert.Equal(["contactPhone", "preferredName"], problems.Select(p => p.Field).Order());
        Assert.Equal(new PatientContact(null, null), await Plans.GetContactAsync(patient, TestContext.Current.CancellationToken));
    }
}
