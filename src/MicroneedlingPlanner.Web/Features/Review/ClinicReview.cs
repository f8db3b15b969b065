using System.Security.Claims;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Review;

/// <summary>The reviewer's checklist.</summary>
public sealed record ReviewChecklist(bool ScreeningAnswersRead, bool ContraindicationsChecked, bool ConsentOnFile)
{
    public bool Complete => ScreeningAnswersRead && ContraindicationsChecked && ConsentOnFile;
}

/// <summary>One line of a plan's history as staff read it; <paramref name="Who"/> is the user's email.</summary>
public sealed record PlanHistoryItem(DateTime At, string Who, string Role, string Kind, string? Field, string? Before, string? After, string? Reason, string? Text, bool Internal);

/// <summary>A sent plan as the clinic reviews it: everything the patient sent, the clinic's proposal and the whole history.</summary>
public sealed record StaffPlan(
    Guid Id,
    string Reference,
    SubmissionStatus Status,
    DateTime SubmittedAt,
    string RulesVersion,
    int Version,
    IntakeAnswers Answers,
    TreatmentPlan Plan,
    TreatmentPlan? RevisedPlan,
    IReadOnlyList<PlanChange> ProposedChanges,
    string? PatientMessage,
    ReviewChecklist Checklist,
    IReadOnlyList<PlanHistoryItem> History);

public abstract record ReviewResult
{
    public sealed record Saved(int Version) : ReviewResult;

    /// <summary>The workflow or the checklist does not allow this; nothing changed.</summary>
    public sealed record Refused(string Message) : ReviewResult;

    /// <summary>The proposal has problems, each tied to its field; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : ReviewResult;

    /// <summary>Someone else saved the plan since this page read it; nothing changed.</summary>
    public sealed record Conflict(string Message) : ReviewResult;

    public sealed record NotFound : ReviewResult;
}

/// <summary>
/// The clinic's side of a sent plan: read it for review, tick the checklist, take it into review,
/// accept it or propose changes, write to the patient and add internal notes. Every method checks
/// the user is staff or admin (whatever the page declares), moves the status only through
/// <see cref="ReviewWorkflow"/>, and saves only if the plan is still at the version the caller read.
/// </summary>
public sealed class ClinicReview(IDbContextFactory<PlannerDbContext> factory, TimeProvider clock, ClinicClock clinic)
{
    /// <summary>The longest message, note or reason, in characters.</summary>
    public const int MaxTextLength = 2000;

    public const string ConflictMessage =
        "Someone else saved this plan after you opened it, so your changes were not saved and nothing was overwritten. Reload the plan to see their changes, then make yours again.";

    public const string ChecklistMessage =
        "Tick all three checks (screening answers read, contraindications checked, consent on file) before accepting the plan or proposing changes.";

    /// <summary>The plan for review, or null; each read is written to the audit log.</summary>
    public async Task<StaffPlan?> GetAsync(ClaimsPrincipal user, Guid planId, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireStaff(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SubmittedPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        await AuditLog.RecordAsync(db, AuditEntry.StaffLook(user, AuditActions.StaffViewed, row.PatientId, row.Id, AuditSeen.PlanAndAnswers, clock.GetUtcNow().UtcDateTime), cancellationToken);

        var history = await (
                from e in db.PlanEvents.AsNoTracking()
                where e.PlanId == planId
                join u in db.Users on e.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                select new { e, Who = u == null ? null : u.Email })
            .ToListAsync(cancellationToken);

        return new StaffPlan(row.Id, row.Reference, row.Status, row.SubmittedAt, row.RulesVersion, row.Version,
            Snapshot.Read<IntakeAnswers>(row.AnswersJson), Snapshot.Read<TreatmentPlan>(row.PlanJson),
            row.RevisedPlanJson is null ? null : Snapshot.Read<TreatmentPlan>(row.RevisedPlanJson),
            row.ProposedChangesJson is null ? [] : Snapshot.Read<List<PlanChange>>(row.ProposedChangesJson),
            row.PatientMessage,
            new ReviewChecklist(row.ScreeningAnswersRead, row.ContraindicationsChecked, row.ConsentOnFile),
            [.. history.OrderBy(h => h.e.At).ThenBy(h => h.e.Id).Select(h => new PlanHistoryItem(
                h.e.At, h.Who ?? "(deleted user)", h.e.ActorRole, h.e.Kind, h.e.Field, h.e.Before, h.e.After, h.e.Reason, h.e.Text, h.e.Internal))]);
    }

    /// <summary>Takes a sent plan (or a proposal to revise) into review.</summary>
    public Task<ReviewResult> TakeIntoReviewAsync(ClaimsPrincipal user, Guid planId, int version, CancellationToken cancellationToken = default) =>
        SaveAsync(user, planId, version, (row, context) =>
        {
            // The one taking it into review is its reviewer, as the queue shows.
            var refused = Move(row, SubmissionStatus.InReview, context);
            if (refused is null)
            {
                row.ReviewerId = Roles.RequireStaff(user);
            }

            return refused;
        }, cancellationToken);

    public Task<ReviewResult> SaveChecklistAsync(ClaimsPrincipal user, Guid planId, int version, ReviewChecklist checklist, CancellationToken cancellationToken = default) =>
        SaveAsync(user, planId, version, (row, context) =>
        {
            Tick(row.ScreeningAnswersRead, checklist.ScreeningAnswersRead, "Screening answers read", context);
            Tick(row.ContraindicationsChecked, checklist.ContraindicationsChecked, "Contraindications checked", context);
            Tick(row.ConsentOnFile, checklist.ConsentOnFile, "Consent on file", context);
            (row.ScreeningAnswersRead, row.ContraindicationsChecked, row.ConsentOnFile) = (checklist.ScreeningAnswersRead, checklist.ContraindicationsChecked, checklist.ConsentOnFile);
            return null;
        }, cancellationToken);

    /// <summary>Accepts the plan as the patient sent it, with an optional message to them.</summary>
    public Task<ReviewResult> AcceptAsync(ClaimsPrincipal user, Guid planId, int version, string? message, CancellationToken cancellationToken = default) =>
        SaveAsync(user, planId, version, (row, context) =>
        {
            if (Refused(row, SubmissionStatus.Accepted) is { } notNow)
            {
                return notNow;
            }

            if (MessageProblem(message) is { } problem)
            {
                return new ReviewResult.Invalid([problem]);
            }

            if (!Checked(row))
            {
                return new ReviewResult.Refused(ChecklistMessage);
            }

            if (Move(row, SubmissionStatus.Accepted, context) is { } refused)
            {
                return refused;
            }

            // Accepting as sent drops any proposal made earlier in the review; the history keeps it.
            (row.RevisedPlanJson, row.ProposedChangesJson) = (null, null);
            Message(row, message, context);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Proposes changes to the plan as sent: the domain checks the reasons, ranges and overrides
    /// and re-dates the plan; the patient then sees each change with its reason, and the message.
    /// </summary>
    public Task<ReviewResult> ProposeChangesAsync(ClaimsPrincipal user, Guid planId, int version, PlanRevision changes, string? message, CancellationToken cancellationToken = default) =>
        SaveAsync(user, planId, version, (row, context) =>
        {
            if (Refused(row, SubmissionStatus.ChangesProposed) is { } notNow)
            {
                return notNow;
            }

            var result = Planner.Revise(Snapshot.Read<TreatmentPlan>(row.PlanJson), changes, clinic.Today);
            var textProblems = TextProblems(changes, message).ToList();
            if (result.Plan is null || textProblems.Count > 0)
            {
                return new ReviewResult.Invalid([.. result.Errors, .. textProblems]);
            }

            if (!Checked(row))
            {
                return new ReviewResult.Refused(ChecklistMessage);
            }

            if (Move(row, SubmissionStatus.ChangesProposed, context) is { } refused)
            {
                return refused;
            }

            row.RevisedPlanJson = Snapshot.Write(result.Plan);
            row.ProposedChangesJson = Snapshot.Write(result.Changes);
            foreach (var change in result.Changes)
            {
                context.Add(PlanEventKinds.Change, field: change.Label, before: change.Before, after: change.After,
                    reason: change.Reason, text: change.OverrideReason is { } why ? $"Outside the rules' range. Override: {why}" : null);
            }

            Message(row, message, context);
            return null;
        }, cancellationToken);

    /// <summary>An internal note: in the plan's history for staff, never shown to the patient. Notes only add, so they need no version.</summary>
    public async Task<ReviewResult> AddNoteAsync(ClaimsPrincipal user, Guid planId, string text, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireStaff(user);
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxTextLength)
        {
            return new ReviewResult.Invalid([new("note", $"Write the note in 1 to {MaxTextLength} characters.")]);
        }

        if (IntakeValidator.HasHiddenCharacters(text))
        {
            return new ReviewResult.Invalid([new("note", ControlCharactersMessage)]);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var version = await db.SubmittedPlans.Where(p => p.Id == planId).Select(p => (int?)p.Version).SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return new ReviewResult.NotFound();
        }

        db.PlanEvents.Add(new PlanEvent
        {
            PlanId = planId, At = clock.GetUtcNow().UtcDateTime, UserId = userId, ActorRole = Roles.StaffRoleOf(user),
            Kind = PlanEventKinds.Note, Text = text.Trim(), Internal = true,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ReviewResult.Saved(version.Value);
    }

    /// <summary>The history writer for one save: every event gets the same who and when.</summary>
    private sealed class SaveContext(PlannerDbContext db, Guid planId, string userId, string role, DateTime now)
    {
        public DateTime Now => now;

        public void Add(string kind, string? field = null, string? before = null, string? after = null, string? reason = null, string? text = null, bool isInternal = false) =>
            db.PlanEvents.Add(new PlanEvent
            {
                PlanId = planId, At = now, UserId = userId, ActorRole = role, Kind = kind,
                Field = field, Before = before, After = after, Reason = reason, Text = text, Internal = isInternal,
            });
    }

    private async Task<ReviewResult> SaveAsync(ClaimsPrincipal user, Guid planId, int version, Func<SubmittedPlan, SaveContext, ReviewResult?> change, CancellationToken cancellationToken)
    {
        var userId = Roles.RequireStaff(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SubmittedPlans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (row is null)
        {
            return new ReviewResult.NotFound();
        }

        if (row.Version != version)
        {
            return new ReviewResult.Conflict(ConflictMessage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (change(row, new SaveContext(db, planId, userId, Roles.StaffRoleOf(user), now)) is { } refused)
        {
            return refused;
        }

        // Saved only if nobody changed the row since it was read at this version (UPDATE ... WHERE "Version" = version).
        row.Version = version + 1;
        row.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewResult.Conflict(ConflictMessage);
        }

        return new ReviewResult.Saved(row.Version);
    }

    private static ReviewResult.Refused? Refused(SubmittedPlan row, SubmissionStatus to) =>
        ReviewWorkflow.Refusal(row.Status, to, ReviewActor.Staff) is { } refusal ? new ReviewResult.Refused(refusal) : null;

    private static ReviewResult.Refused? Move(SubmittedPlan row, SubmissionStatus to, SaveContext context)
    {
        if (ReviewWorkflow.Refusal(row.Status, to, ReviewActor.Staff) is { } refusal)
        {
            return new ReviewResult.Refused(refusal);
        }

        context.Add(PlanEventKinds.Status, field: "Status", before: PlanWording.Status(row.Status), after: PlanWording.Status(to));
        row.Status = to;
        return null;
    }

    private static void Tick(bool before, bool after, string what, SaveContext context)
    {
        if (before != after)
        {
            context.Add(PlanEventKinds.Checklist, field: what, before: before ? "Ticked" : "Not ticked", after: after ? "Ticked" : "Not ticked");
        }
    }

    private static void Message(SubmittedPlan row, string? message, SaveContext context)
    {
        var text = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        if (text != row.PatientMessage)
        {
            row.PatientMessage = text;
            context.Add(PlanEventKinds.Message, text: text ?? "(message removed)");
        }
    }

    private static bool Checked(SubmittedPlan row) => row.ScreeningAnswersRead && row.ContraindicationsChecked && row.ConsentOnFile;

    /// <summary>Reasons and the message are plain text for a person: bounded, and without control characters (PostgreSQL refuses NUL in text).</summary>
    private static IEnumerable<FieldError> TextProblems(PlanRevision changes, string? message)
    {
        string?[] texts = [changes.Sessions?.Reason, changes.Sessions?.OverrideReason, changes.IntervalWeeks?.Reason, changes.IntervalWeeks?.OverrideReason,
            changes.StartDate?.Reason, changes.MaintenanceMonths?.Reason, changes.MaintenanceMonths?.OverrideReason];
        if (texts.Any(t => t?.Length > MaxTextLength))
        {
            yield return new("reason", $"Keep each reason to {MaxTextLength} characters.");
        }

        if (texts.Any(t => t is not null && IntakeValidator.HasHiddenCharacters(t)))
        {
            yield return new("reason", ControlCharactersMessage);
        }

        if (MessageProblem(message) is { } problem)
        {
            yield return problem;
        }
    }

    private const string ControlCharactersMessage = "The text holds hidden characters (such as NUL, or half of an emoji), which a person cannot read. Remove them, or retype it.";

    private static FieldError? MessageProblem(string? message) =>
        message?.Length > MaxTextLength ? new("message", $"Keep the message to {MaxTextLength} characters.")
        : message is not null && IntakeValidator.HasHiddenCharacters(message) ? new("message", ControlCharactersMessage)
        : null;
}

public static class ClinicReviewSetup
{
    public static IServiceCollection AddClinicReview(this IServiceCollection services) => services.AddSingleton<ClinicReview>();
}
