using System.Text.Encodings.Web;
using System.Text.Json;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.DataRights;

public enum DeletionResult
{
    Deleted,

    /// <summary>No such account (deleted already, perhaps in another tab).</summary>
    NotFound,

    /// <summary>Staff and admin accounts are closed by an admin: their ids are on other patients' history.</summary>
    ClinicAccount,
}

/// <summary>
/// A patient's rights over their data (GDPR Articles 15, 17 and 20): everything the app holds
/// about them as one JSON document, and the deletion of their account with all of it. Both take
/// the signed-in user's id only, so no one reaches anyone else's data through them.
/// <para>
/// What deletion does, table by table (docs/reliability.md, "Data rights"; the test
/// PersonalDataCoverageTests fails when a table is added that this does not account for):
/// the patient's plans and everything hanging off them (maintenance windows, recalls and their
/// attempts, the plan's history including the clinic's internal notes) are deleted, because they
/// are health data with no use once the patient is gone; so are their "do not recall" mark, the
/// questionnaire draft their browser holds, and the Identity rows (claims, logins, tokens
/// (authenticator key, recovery codes), roles, the user). The audit log is kept: see <see cref="DeleteAccountAsync"/>.
/// </para>
/// </summary>
public sealed class PersonalDataRights(IDbContextFactory<PlannerDbContext> factory, DraftStore drafts, TimeProvider clock)
{
    /// <summary>What the export's audit row says was handed over.</summary>
    public const string ExportSeen = "all their data (download)";

    /// <summary>
    /// Indented, and with names, messages and apostrophes written as they are rather than as \u escapes:
    /// the file is for the patient to read, and is sent as a download, never put into a page.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(Snapshot.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Everything held about the user, for them to keep or take elsewhere; the hand-over is audited.
    /// <paramref name="draftToken"/> is the questionnaire draft the user's browser holds: drafts are
    /// stored under a token only that browser knows, not under an account, so no other draft can be found.
    /// </summary>
    public async Task<PersonalDataExport?> ExportAsync(string userId, string? draftToken, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken);
        var logins = await db.UserLogins.Where(l => l.UserId == userId).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToListAsync(cancellationToken);
        var claims = await db.UserClaims.Where(c => c.UserId == userId).Select(c => new ExportedClaim(c.ClaimType, c.ClaimValue)).ToListAsync(cancellationToken);
        var profile = new ExportedProfile(user.Id, user.Email, user.EmailConfirmed, user.UserName, user.PreferredName, user.ContactPhone,
            user.PhoneNumber, user.TwoFactorEnabled, user.LockoutEnd, roles, logins, claims);

        var plans = await db.SubmittedPlans.AsNoTracking().Where(p => p.PatientId == userId).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var windows = await db.MaintenanceWindows.AsNoTracking().Where(w => planIds.Contains(w.PlanId)).ToListAsync(cancellationToken);
        // Internal notes stay with the clinic, as on every page the patient reads (see the docs on Article 15).
        var events = await db.PlanEvents.AsNoTracking().Where(e => planIds.Contains(e.PlanId) && !e.Internal).ToListAsync(cancellationToken);
        var recalls = await db.Recalls.AsNoTracking().Include(r => r.Attempts).Where(r => r.PatientId == userId || planIds.Contains(r.PlanId)).ToListAsync(cancellationToken);
        var optOut = await db.RecallOptOuts.AsNoTracking().Where(o => o.PatientId == userId).Select(o => (DateTime?)o.At).SingleOrDefaultAsync(cancellationToken);
        var references = plans.ToDictionary(p => p.Id, p => p.Reference);

        var exportedPlans = plans.OrderBy(p => p.SubmittedAt).Select(p => new ExportedPlan(
            p.Reference, PlanWording.Status(p.Status), Utc(p.SubmittedAt), Utc(p.UpdatedAt), Utc(p.WithdrawnAt), p.PrimaryConcern.ToString(),
            p.FirstSessionDate, p.NeedsClinicianReview, p.RulesVersion, Utc(p.ConsentedAt), p.ContactPreference.ToString(), p.ContactPhone, p.PatientName,
            Json(p.AnswersJson)!.Value, Json(p.PlanJson)!.Value, Json(p.RevisedPlanJson), Json(p.ProposedChangesJson), p.PatientMessage, Utc(p.RevisionAcceptedAt),
            new ExportedChecklist(p.ScreeningAnswersRead, p.ContraindicationsChecked, p.ConsentOnFile),
            [.. windows.Where(w => w.PlanId == p.Id).OrderBy(w => w.Number).Select(w => new ExportedWindow(w.Number, w.Start, w.End))],
            [.. events.Where(e => e.PlanId == p.Id && e.Kind != PlanEventKinds.Message).OrderBy(e => e.Id)
                .Select(e => new ExportedEvent(Utc(e.At), Who(e.ActorRole), e.Kind, e.Field, e.Before, e.After, e.Reason, e.Text))],
            [.. recalls.Where(r => r.PlanId == p.Id).OrderBy(r => r.WindowNumber).Select(r => new ExportedRecall(
                r.WindowNumber, r.Status.ToString(), Utc(r.UpdatedAt),
                [.. r.Attempts.OrderBy(a => a.Id).Select(a => new ExportedAttempt(Utc(a.At), a.Method.ToString(), a.Outcome.ToString()))]))]))
            .ToList();
        var messages = events.Where(e => e.Kind == PlanEventKinds.Message).OrderBy(e => e.Id)
            .Select(e => new ExportedMessage(Utc(e.At), references[e.PlanId], Who(e.ActorRole), e.Text ?? "")).ToList();

        var draft = await drafts.LoadAsync(draftToken, cancellationToken) is { } loaded
            ? new ExportedDraft(loaded.Step, Utc(loaded.ExpiresAt), JsonSerializer.SerializeToElement(loaded.Answers, Snapshot.Options))
            : null;

        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.PatientId == userId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var auditPlans = audit.Where(a => a.PlanId is not null).Select(a => a.PlanId!.Value).Distinct().ToList();
        var auditReferences = await db.SubmittedPlans.Where(p => auditPlans.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Reference, cancellationToken);
        ExportedAccess Access(AuditEntry a) => new(Utc(a.At), a.UserId == userId ? "You" : Who(a.Role),
            AuditWording.Action(a.Action), a.Action, a.Seen, a.PlanId is { } id ? auditReferences.GetValueOrDefault(id) : null);
        var clinic = audit.Where(a => a.UserId != userId).Select(Access).ToList();
        var own = audit.Where(a => a.UserId == userId).Select(Access).ToList();

        var now = clock.GetUtcNow().UtcDateTime;
        await AuditLog.RecordAsync(db, new AuditEntry
        {
            At = now, UserId = userId, Role = Roles.Highest(roles), Action = AuditActions.PersonalDataExported, PatientId = userId, Seen = ExportSeen,
        }, cancellationToken);

        return new PersonalDataExport(now, PersonalDataExport.AboutText, profile, exportedPlans, messages, optOut is { } at ? Utc(at) : null, draft, clinic, own);
    }

    /// <summary>
    /// Deletes the account and everything held about the person, in one transaction, and records
    /// that it happened. The caller checks the password (and two-factor code) first.
    /// <para>
    /// The audit log is the exception, on purpose. Its rows are chained by hash (AuditLog): every
    /// field of a row, the patient's id among them, is inside its hash and the next row's, and the
    /// database refuses UPDATE and DELETE on the table. Rewriting or removing the patient's rows
    /// would make <c>verify-audit</c> report the log as tampered with from that row on, and would
    /// erase the record of who at the clinic read their health data, which the clinic keeps as
    /// evidence (Article 17(3)(b) and (e)). Those rows hold no name, email, phone or health data:
    /// only the account's random id, plan ids, action names and fixed words for what was seen.
    /// Once this method has run, nothing in the database links that id to a person any more; the
    /// log keeps a pseudonymous trail, ending in the row that says the account was deleted.
    /// </para>
    /// </summary>
    public async Task<DeletionResult> DeleteAccountAsync(string userId, string? draftToken, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            {
                return DeletionResult.NotFound;
            }

            var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken);
            if (roles.Any(r => r is Roles.Staff or Roles.Admin))
            {
                return DeletionResult.ClinicAccount;
            }

            // Children before parents, each named rather than left to cascades, so this reads as the
            // list of what goes (and works the same on both providers).
            var plans = db.SubmittedPlans.Where(p => p.PatientId == userId).Select(p => p.Id);
            var recalls = db.Recalls.Where(r => r.PatientId == userId || plans.Contains(r.PlanId)).Select(r => r.Id);
            await db.RecallAttempts.Where(a => recalls.Contains(a.RecallId)).ExecuteDeleteAsync(cancellationToken);
            await db.Recalls.Where(r => r.PatientId == userId || plans.Contains(r.PlanId)).ExecuteDeleteAsync(cancellationToken);
            await db.RecallOptOuts.Where(o => o.PatientId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.MaintenanceWindows.Where(w => plans.Contains(w.PlanId)).ExecuteDeleteAsync(cancellationToken);
            // The whole history goes, the clinic's internal notes too: they are about this patient's health.
            await db.PlanEvents.Where(e => plans.Contains(e.PlanId)).ExecuteDeleteAsync(cancellationToken);
            await db.SubmittedPlans.Where(p => p.PatientId == userId).ExecuteDeleteAsync(cancellationToken);
            if (!string.IsNullOrWhiteSpace(draftToken))
            {
                var hash = DraftStore.Hash(draftToken);
                await db.IntakeDrafts.Where(d => d.TokenHash == hash).ExecuteDeleteAsync(cancellationToken);
            }

            // A former staff member (their clinic role since removed) may still be named as the reviewer of
            // other patients' plans; those plans lose their reviewer rather than block the deletion.
            await db.SubmittedPlans.Where(p => p.ReviewerId == userId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.ReviewerId, (string?)null)
                .SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
            await db.AccountSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);

            await AuditLog.RecordAsync(db, new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime, UserId = userId, Role = Roles.Patient, Action = AuditActions.AccountDeleted, PatientId = userId,
            }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DeletionResult.Deleted;
        });
    }


    /// <summary>Who acted, as the patient reads it: themselves, or a clinic role (never a staff member's email).</summary>
    private static string Who(string? role) => role == Roles.Patient ? "You" : AuditWording.ClinicRole(role ?? Roles.Staff);

    private static JsonElement? Json(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    // Stored times are UTC; SQLite reads them back without a kind.
    private static DateTime Utc(DateTime at) => DateTime.SpecifyKind(at, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? at) => at is { } value ? Utc(value) : null;
}

/// <summary>The download: one JSON document, its parts named for what a patient would look for.</summary>
public sealed record PersonalDataExport(
    DateTime ExportedAt,
    string About,
    ExportedProfile Profile,
    IReadOnlyList<ExportedPlan> Plans,
    IReadOnlyList<ExportedMessage> Messages,
    DateTime? AskedNotToBeRecalledAt,
    ExportedDraft? UnsentAnswers,
    IReadOnlyList<ExportedAccess> ClinicAccess,
    IReadOnlyList<ExportedAccess> YourActivity)
{
    public const string AboutText =
        "Everything Microneedling Planner holds about you: your account, the answers and plans you sent with their history and the clinic's messages, " +
        "the clinic's maintenance reminders, the answers you have not sent yet from this browser, and who at the clinic looked at your data and when. " +
        "Times are in UTC. The clinic's internal notes about your plans are not included; ask the clinic for them.";
}

public sealed record ExportedProfile(
    string AccountId,
    string? Email,
    bool EmailConfirmed,
    string? UserName,
    string? PreferredName,
    string? ContactPhone,
    string? PhoneNumber,
    bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> ExternalLogins,
    IReadOnlyList<ExportedClaim> Claims);

public sealed record ExportedClaim(string? Type, string? Value);

public sealed record ExportedChecklist(bool ScreeningAnswersRead, bool ContraindicationsChecked, bool ConsentOnFile);

public sealed record ExportedPlan(
    string Reference,
    string Status,
    DateTime SentAt,
    DateTime UpdatedAt,
    DateTime? WithdrawnAt,
    string PrimaryConcern,
    DateOnly FirstSessionDate,
    bool NeedsClinicianReview,
    string RulesVersion,
    DateTime ConsentedAt,
    string ContactPreference,
    string? ContactPhone,
    string NameGiven,
    JsonElement Answers,
    JsonElement PlanAsSent,
    JsonElement? ClinicRevisedPlan,
    JsonElement? ProposedChanges,
    string? ClinicMessage,
    DateTime? ChangesAcceptedAt,
    ExportedChecklist ClinicChecklist,
    IReadOnlyList<ExportedWindow> MaintenanceWindows,
    IReadOnlyList<ExportedEvent> History,
    IReadOnlyList<ExportedRecall> Recalls);

public sealed record ExportedWindow(int Number, DateOnly Start, DateOnly End);

public sealed record ExportedEvent(DateTime At, string Who, string Kind, string? Field, string? Before, string? After, string? Reason, string? Text);

public sealed record ExportedMessage(DateTime At, string PlanReference, string From, string Text);

public sealed record ExportedRecall(int MaintenanceWindow, string Status, DateTime UpdatedAt, IReadOnlyList<ExportedAttempt> ContactAttempts);

public sealed record ExportedAttempt(DateTime At, string Method, string Outcome);

public sealed record ExportedDraft(int Step, DateTime DeletedAfter, JsonElement Answers);

/// <param name="Who">"You", or the clinic role that acted (never a staff member's email).</param>
/// <param name="Seen">What was shown, in the log's words.</param>
public sealed record ExportedAccess(DateTime At, string Who, string What, string Action, string? Seen, string? PlanReference);
