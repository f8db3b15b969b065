using System.Security.Cryptography;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Review;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>What the patient agrees to, the name the clinic should use and how it should get in touch.</summary>
public sealed record SubmissionDetails(bool ConsentToShare, ContactPreference ContactPreference, string? ContactPhone, string? PreferredName);

/// <summary>What the patient's profile holds for the clinic, prefilled on the send form and changed under "Your account".</summary>
public sealed record PatientContact(string? PreferredName, string? ContactPhone);

public abstract record SubmitResult
{
    public sealed record Stored(Guid PlanId, string Reference) : SubmitResult;

    /// <summary>The answers or the details have problems; nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SubmitResult;

    /// <summary>The draft has expired or was never there.</summary>
    public sealed record NoDraft : SubmitResult;

    /// <summary>Storing failed for a reason that has nothing to do with the answers; nothing was stored and the draft is kept.</summary>
    public sealed record Failed : SubmitResult;
}

/// <summary>A stored plan as its patient sees it; its dates are the clinic's. Never holds the clinic's internal notes.</summary>
/// <param name="CalendarKey">Keys its calendar events; the draft's submission key, so they match the preview's.</param>
/// <param name="Plan">The plan in force: as sent, or the clinic's revision once the patient accepted it.</param>
/// <param name="Proposal">The clinic's proposed plan while it waits for the patient's answer.</param>
/// <param name="Changes">What the clinic changed (before, after, why): proposed, or accepted.</param>
/// <param name="ClinicMessage">The clinic's message to the patient.</param>
/// <param name="CalendarSequence">The calendar's SEQUENCE: raised when accepted changes move the dates.</param>
public sealed record PatientPlan(
    Guid Id,
    string Reference,
    Guid CalendarKey,
    SubmissionStatus Status,
    DateOnly SentOn,
    DateOnly? WithdrawnOn,
    ContactPreference ContactPreference,
    IntakeAnswers Answers,
    TreatmentPlan Plan,
    TreatmentPlan? Proposal = null,
    IReadOnlyList<PlanChange>? Changes = null,
    string? ClinicMessage = null,
    int CalendarSequence = 0);

/// <param name="SentOn">The clinic's date when the plan was sent.</param>
/// <param name="NextMaintenance">The maintenance window open today or next to open, at the clinic; null once all have passed.</param>
public sealed record PatientPlanSummary(
    Guid Id,
    string Reference,
    SubmissionStatus Status,
    DateOnly SentOn,
    Concern PrimaryConcern,
    DateOnly FirstSessionDate,
    DateWindow? NextMaintenance,
    bool NeedsClinicianReview);

/// <summary>
/// A patient's own plans: submit from a draft, list, read, withdraw, reuse the answers. Every
/// method takes the signed-in patient's id and touches only that patient's rows; another
/// patient's plan is reported as not found.
/// </summary>
public sealed class PatientPlans(IDbContextFactory<PlannerDbContext> factory, DraftStore drafts, PublishedRules rules, TimeProvider clock, ClinicClock clinic)
{
    /// <summary>The column's width; the form's input and the check below use the same number.</summary>
    public const int MaxPhoneLength = 40;

    /// <summary>
    /// Stores the draft's answers and the plan made from them now, and deletes the draft. Idempotent
    /// per draft: a double click or a second tab sending at the same moment gets the plan stored
    /// the first time.
    /// </summary>
    public async Task<SubmitResult> SubmitDraftAsync(string patientId, string draftToken, SubmissionDetails details, CancellationToken cancellationToken = default)
    {
        // The key of the draft being sent, once read: a try that finds the draft gone (an earlier
        // try stored the plan and deleted it, but the answer was lost with the connection) looks
        // the plan up by it instead of reporting the answers missing.
        Guid? key = null;
        try
        {
            // The whole send is one unit for the retrying strategy: if the database restarts midway,
            // it runs again from the start on fresh contexts, and the unique submission key means
            // a try after one that did store finds that plan instead of storing a second.
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                () => SubmitOnceAsync(patientId, draftToken, details, k => key = k, key, cancellationToken));
        }
        catch (Exception e) when (e is DbUpdateException || DatabaseFaults.IsUnavailable(e))
        {
            return new SubmitResult.Failed();
        }
    }

    private async Task<SubmitResult> SubmitOnceAsync(
        string patientId, string draftToken, SubmissionDetails details, Action<Guid> keyRead, Guid? knownKey, CancellationToken cancellationToken)
    {
        var draft = await drafts.LoadAsync(draftToken, cancellationToken);
        if (draft is null)
        {
            if (knownKey is { } earlier)
            {
                await using var again = await factory.CreateDbContextAsync(cancellationToken);
                return await FindByKeyAsync(again, patientId, earlier, cancellationToken) ?? (SubmitResult)new SubmitResult.NoDraft();
            }

            return new SubmitResult.NoDraft();
        }

        keyRead(draft.SubmissionKey);

        var answers = QuestionnaireForm.ForPlanning(draft.Answers);
        var (plan, errors) = Planner.Propose(answers, rules.Current, clinic.Today);
        var problems = errors.Concat(Check(details)).ToList();
        if (plan is null || problems.Count > 0)
        {
            return new SubmitResult.Invalid(problems);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.SingleOrDefaultAsync(u => u.Id == patientId, cancellationToken) is not { } patient)
        {
            return new SubmitResult.NoDraft();
        }

        var name = details.PreferredName!.Trim();
        var phone = details.ContactPreference == ContactPreference.Email ? null : details.ContactPhone?.Trim();

        // Kept in the profile, so the next plan's form starts with them; an email-only patient keeps the phone they gave before.
        patient.PreferredName = name;
        patient.ContactPhone = phone ?? patient.ContactPhone;

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new SubmittedPlan
        {
            Id = Guid.CreateVersion7(),
            Reference = NewReference(),
            PatientId = patientId,
            Status = SubmissionStatus.Submitted,
            SubmittedAt = now,
            UpdatedAt = now,
            PrimaryConcern = plan.PrimaryConcern,
            FirstSessionDate = plan.InitialSeries.SessionDates[0],
            NeedsClinicianReview = plan.Status == PlanStatus.NeedsClinicianReview,
            RulesVersion = plan.RulesVersion,
            AnswersJson = Snapshot.Write(answers),
            PlanJson = Snapshot.Write(plan),
            IdempotencyKey = draft.SubmissionKey,
            ConsentedAt = now,
            ContactPreference = details.ContactPreference,
            ContactPhone = phone,
            PatientName = name,
            HasRefer = plan.Flags.Any(f => f.Severity == FlagSeverity.Refer),
            HasCaution = plan.Flags.Any(f => f.Severity == FlagSeverity.Caution),
            Sessions = plan.InitialSeries.Sessions,
        };
        db.SubmittedPlans.Add(stored);
        db.MaintenanceWindows.AddRange(WindowsOf(stored.Id, plan));

        // In the same transaction: once sent, the stored plan is the only copy of the answers.
        if (await db.IntakeDrafts.SingleOrDefaultAsync(d => d.Id == draft.Id, cancellationToken) is not { } row)
        {
            return await FindByKeyAsync(db, patientId, draft.SubmissionKey, cancellationToken) ?? (SubmitResult)new SubmitResult.NoDraft();
        }

        db.IntakeDrafts.Remove(row);
        try
        {
            // Saves the plan, its windows and the draft's deletion with the audit row, in one transaction.
            await AuditLog.RecordAsync(db, AuditEntry.ByPatient(patientId, AuditActions.Submitted, stored.Id, now), cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsSameSubmission(e))
        {
            // The same draft was sent at the same moment (a double click, two tabs): the unique
            // key let one insert through and that one deleted the draft; answer with that one.
            await using var again = await factory.CreateDbContextAsync(cancellationToken);
            return await FindByKeyAsync(again, patientId, draft.SubmissionKey, cancellationToken) ?? (SubmitResult)new SubmitResult.NoDraft();
        }

        return new SubmitResult.Stored(stored.Id, stored.Reference);
    }

    /// <summary>The patient's name and phone as last given, for the send form; empty for an unknown id.</summary>
    public async Task<PatientContact> GetContactAsync(string patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == patientId)
            .Select(u => new PatientContact(u.PreferredName, u.ContactPhone))
            .SingleOrDefaultAsync(cancellationToken) ?? new PatientContact(null, null);
    }

    /// <summary>Changes the patient's name and phone (under "Your account"); every problem at once, nothing stored if any.</summary>
    public async Task<IReadOnlyList<FieldError>> UpdateContactAsync(string patientId, PatientContact contact, CancellationToken cancellationToken = default)
    {
        var problems = CheckName(contact.PreferredName)
            .Concat(string.IsNullOrWhiteSpace(contact.ContactPhone) ? [] : CheckPhone(contact.ContactPhone, "Please enter a phone number we can call, with 7 to 15 digits, or leave it empty."))
            .ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == patientId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.PreferredName, contact.PreferredName!.Trim())
            .SetProperty(u => u.ContactPhone, string.IsNullOrWhiteSpace(contact.ContactPhone) ? null : contact.ContactPhone.Trim()), cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<PatientPlanSummary>> ListAsync(string patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SubmittedPlans.AsNoTracking()
            .Where(p => p.PatientId == patientId)
            .Select(p => new { p.Id, p.Reference, p.Status, p.SubmittedAt, p.PrimaryConcern, p.FirstSessionDate, p.NeedsClinicianReview, p.PlanJson })
            .ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by every column type the way PostgreSQL can, and a patient has few plans.
        // The next maintenance depends on the day it is asked, so it is read from the stored plan's windows now.
        var today = clinic.Today;
        return [.. rows.OrderByDescending(p => p.SubmittedAt).Select(p => new PatientPlanSummary(
            p.Id, p.Reference, p.Status, clinic.DateOf(p.SubmittedAt), p.PrimaryConcern, p.FirstSessionDate,
            Snapshot.Read<TreatmentPlan>(p.PlanJson).Maintenance.Next(today), p.NeedsClinicianReview))];
    }

    /// <summary>The patient's own plan, or null (also for someone else's); the read is logged under <paramref name="action"/> unless it is null.</summary>
    public async Task<PatientPlan?> GetAsync(string patientId, Guid planId, string? action = AuditActions.Viewed, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SubmittedPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.PatientId == patientId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (action is not null)
        {
            await AuditLog.RecordAsync(db, AuditEntry.ByPatient(patientId, action, row.Id, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }

        // Only the columns meant for the patient: the clinic's history and internal notes are never read here.
        var accepted = row.RevisionAcceptedAt is not null && row.RevisedPlanJson is not null;
        var proposed = row.Status == SubmissionStatus.ChangesProposed && row.RevisedPlanJson is not null;
        return new PatientPlan(row.Id, row.Reference, row.IdempotencyKey, row.Status, clinic.DateOf(row.SubmittedAt),
            row.WithdrawnAt is { } withdrawn ? clinic.DateOf(withdrawn) : null, row.ContactPreference,
            Snapshot.Read<IntakeAnswers>(row.AnswersJson), Snapshot.Read<TreatmentPlan>(accepted ? row.RevisedPlanJson! : row.PlanJson),
            proposed ? Snapshot.Read<TreatmentPlan>(row.RevisedPlanJson!) : null,
            (proposed || accepted) && row.ProposedChangesJson is not null ? Snapshot.Read<List<PlanChange>>(row.ProposedChangesJson) : [],
            row.PatientMessage,
            accepted ? 1 : 0);
    }

    // The statuses the workflow lets a patient withdraw from, as a list the query can send to the database.
    private static readonly SubmissionStatus[] Withdrawable = [.. Enum.GetValues<SubmissionStatus>().Where(ReviewWorkflow.CanWithdraw)];

    /// <summary>Withdraws the plan; it stays stored, marked withdrawn. False if it is not the patient's or already withdrawn.</summary>
    public async Task<bool> WithdrawAsync(string patientId, Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.SubmittedPlans
            .Where(p => p.Id == planId && p.PatientId == patientId && Withdrawable.Contains(p.Status))
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Status, SubmissionStatus.Withdrawn)
                .SetProperty(p => p.WithdrawnAt, now)
                .SetProperty(p => p.UpdatedAt, now)
                // A staff save that read the plan before this fails instead of overwriting the withdrawal.
                .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        if (changed == 1)
        {
            db.PlanEvents.Add(new PlanEvent { PlanId = planId, At = now, UserId = patientId, ActorRole = Roles.Patient, Kind = PlanEventKinds.Status, Field = "Status", After = PlanWording.Status(SubmissionStatus.Withdrawn) });
            await AuditLog.RecordAsync(db, AuditEntry.ByPatient(patientId, AuditActions.Withdrawn, planId, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return changed == 1;
    }

    /// <summary>
    /// The patient accepts the clinic's proposed changes: the revised plan becomes their plan,
    /// and its calendar updates the same events. Null when accepted; otherwise why not (the
    /// workflow's words), or "not found" for a plan that is not theirs.
    /// </summary>
    public async Task<string?> AcceptChangesAsync(string patientId, Guid planId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SubmittedPlans.SingleOrDefaultAsync(p => p.Id == planId && p.PatientId == patientId, cancellationToken);
        if (row is null)
        {
            return NotYours;
        }

        if (ReviewWorkflow.Refusal(row.Status, SubmissionStatus.Accepted, ReviewActor.Patient) is { } refusal)
        {
            return refusal;
        }

        if (row.RevisedPlanJson is null)
        {
            return "There are no proposed changes to accept.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revised = Snapshot.Read<TreatmentPlan>(row.RevisedPlanJson);
        db.PlanEvents.Add(new PlanEvent
        {
            PlanId = planId, At = now, UserId = patientId, ActorRole = Roles.Patient, Kind = PlanEventKinds.Status,
            Field = "Status", Before = PlanWording.Status(row.Status), After = PlanWording.Status(SubmissionStatus.Accepted),
            Text = "The patient accepted the proposed changes.",
        });
        row.Status = SubmissionStatus.Accepted;
        row.RevisionAcceptedAt = now;
        row.FirstSessionDate = revised.InitialSeries.SessionDates[0];
        row.UpdatedAt = now;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "The clinic changed this plan a moment ago. Reload the page to see the latest proposal.";
        }

        return null;
    }

    public const string NotYours = "This plan was not found.";

    /// <summary>
    /// A new draft from a stored plan's answers, for a fresh plan. A start date now in the past is
    /// cleared so the patient picks a new one. Null if the plan is not the patient's.
    /// </summary>
    public async Task<string?> StartFromAsync(string patientId, Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await GetAsync(patientId, planId, AuditActions.Reused, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var answers = plan.Answers.PreferredStartDate < clinic.Today ? plan.Answers with { PreferredStartDate = null } : plan.Answers;
        var (token, _) = await drafts.StartAsync(answers, 0, cancellationToken);
        return token;
    }

    /// <summary>A plan's maintenance windows as rows the recall list filters on, numbered from 1.</summary>
    internal static IEnumerable<MaintenanceWindow> WindowsOf(Guid planId, TreatmentPlan plan) =>
        plan.Maintenance.Windows.Select((w, i) => new MaintenanceWindow { PlanId = planId, Number = i + 1, Start = w.Start, End = w.End });

    /// <summary>Only a unique violation on the submission key means "sent already"; any other failure is a failure.</summary>
    internal static bool IsSameSubmission(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && pg.ConstraintName == IdempotencyIndex,
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode == 2067 // SQLITE_CONSTRAINT_UNIQUE
            && lite.Message.Contains($"{nameof(PlannerDbContext.SubmittedPlans)}.{nameof(SubmittedPlan.IdempotencyKey)}", StringComparison.Ordinal),
        _ => false,
    };

    private const string IdempotencyIndex = $"IX_{nameof(PlannerDbContext.SubmittedPlans)}_{nameof(SubmittedPlan.IdempotencyKey)}";

    private static IEnumerable<FieldError> Check(SubmissionDetails details)
    {
        if (!details.ConsentToShare)
        {
            yield return new("consent", "Please tick the box to agree that the clinic may see your answers and plan. Without it we cannot send them.");
        }

        foreach (var problem in CheckName(details.PreferredName))
        {
            yield return problem;
        }

        if (details.ContactPreference != ContactPreference.Email)
        {
            foreach (var problem in CheckPhone(details.ContactPhone, "Please enter a phone number we can call, with 7 to 15 digits, or choose email."))
            {
                yield return problem;
            }
        }
    }

    internal static IEnumerable<FieldError> CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return new("preferredName", "Please enter the name the clinic should use for you.");
        }
        else if (name.Trim().Length > ApplicationUser.MaxNameLength)
        {
            yield return new("preferredName", $"Please enter your name in at most {ApplicationUser.MaxNameLength} characters.");
        }
        else if (IntakeValidator.HasHiddenCharacters(name))
        {
            yield return new("preferredName", "Your name holds hidden characters (such as NUL, or half of an emoji) that we cannot keep. Please retype it.");
        }
    }

    internal static IEnumerable<FieldError> CheckPhone(string? phone, string unusable)
    {
        var digits = phone?.Count(char.IsAsciiDigit) ?? 0;
        if (phone?.Trim().Length > MaxPhoneLength)
        {
            yield return new("contactPhone", $"Please enter the phone number in at most {MaxPhoneLength} characters.");
        }
        else if (digits < 7 || digits > 15 || IntakeValidator.HasHiddenCharacters(phone ?? ""))
        {
            yield return new("contactPhone", unusable);
        }
    }

    private static async Task<SubmitResult.Stored?> FindByKeyAsync(PlannerDbContext db, string patientId, Guid key, CancellationToken cancellationToken) =>
        await db.SubmittedPlans.AsNoTracking()
            .Where(p => p.IdempotencyKey == key && p.PatientId == patientId)
            .Select(p => new SubmitResult.Stored(p.Id, p.Reference))
            .SingleOrDefaultAsync(cancellationToken);

    // Letters and digits that cannot be mistaken for each other when read out on the phone.
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static string NewReference() =>
        "MP-" + RandomNumberGenerator.GetString(ReferenceAlphabet, 4) + "-" + RandomNumberGenerator.GetString(ReferenceAlphabet, 4);
}
