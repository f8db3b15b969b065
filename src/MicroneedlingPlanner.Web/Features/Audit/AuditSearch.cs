using System.Security.Claims;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Audit;

/// <summary>An admin's search of the log. Text filters are trimmed; empty means "any".</summary>
/// <param name="User">Part of the email of the user who acted.</param>
/// <param name="Patient">A plan reference (MP-XXXX-XXXX), or a patient's full email address.</param>
/// <param name="From">First clinic day to include.</param>
/// <param name="To">Last clinic day to include.</param>
public sealed record AuditQuery(string? User = null, string? Patient = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A row as an admin reads it: a clinic user by email, a patient as "the patient", the plan by its reference; never the patient's own details.</summary>
public sealed record AuditRow(long Id, DateTime At, string UserEmail, string? Role, string Action, string? PlanReference, string? Seen);

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total);

/// <summary>A look at the patient's data by someone at the clinic, as the patient reads it.</summary>
public sealed record ClinicLook(DateTime At, string Role, string? PlanReference, string? Seen);

/// <summary>
/// Reads the audit log: the admins' search and, for a patient, who at the clinic looked at
/// their data. Writing goes through <see cref="AuditLog"/> only.
/// <para>
/// The search is not itself audited: it shows staff emails, actions, plan references and the
/// short "what was seen" words, never a patient's plan, answers or contact details, and a patient
/// email typed as a filter is only matched, never shown. Admins are the only role that may search.
/// </para>
/// </summary>
public sealed class AuditSearch(IDbContextFactory<PlannerDbContext> factory, ClinicClock clinic)
{
    public const int MaxPageSize = 100;

    /// <summary>Shown instead of a patient's email when the patient is the one who acted.</summary>
    public const string PatientActor = "the patient";

    public async Task<AuditPage> SearchAsync(ClaimsPrincipal admin, AuditQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Roles.RequireAdmin(admin);
        ArgumentNullException.ThrowIfNull(query);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditEntries.AsNoTracking();
        if (query.User?.Trim() is { Length: > 0 } user)
        {
            var needle = user.ToUpperInvariant();
            rows = rows.Where(a => db.Users.Any(u => u.Id == a.UserId && u.NormalizedEmail!.Contains(needle)));
        }

        if (query.Patient?.Trim() is { Length: > 0 } patient)
        {
            var reference = patient.ToUpperInvariant();
            var plan = await db.SubmittedPlans.AsNoTracking().Where(p => p.Reference == reference)
                .Select(p => new { p.Id, p.PatientId }).SingleOrDefaultAsync(cancellationToken);
            if (plan is not null)
            {
                // The plan's rows, and rows about its patient that name no plan.
                rows = rows.Where(a => a.PlanId == plan.Id || (a.PlanId == null && a.PatientId == plan.PatientId));
            }
            else
            {
                rows = rows.Where(a => db.Users.Any(u => u.Id == a.PatientId && u.NormalizedEmail == reference));
            }
        }

        if (query.From is { } from)
        {
            var start = clinic.StartOfDayUtc(from);
            rows = rows.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = clinic.StartOfDayUtc(to.AddDays(1));
            rows = rows.Where(a => a.At < end);
        }

        var total = await rows.CountAsync(cancellationToken);
        var found = await rows.OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize)
            .Select(a => new AuditRow(
                a.Id, a.At,
                // A patient acting on their own plan is not named: their email is contact data.
                a.Role == Roles.Patient ? PatientActor : db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault() ?? a.UserId,
                a.Role, a.Action,
                db.SubmittedPlans.Where(p => p.Id == a.PlanId).Select(p => p.Reference).FirstOrDefault(),
                a.Seen))
            .ToListAsync(cancellationToken);
        return new([.. found.Select(r => r with { At = DateTime.SpecifyKind(r.At, DateTimeKind.Utc) })], total);
    }

    /// <summary>Who at the clinic looked at this patient's data, newest first; the patient's own actions are left out.</summary>
    public async Task<IReadOnlyList<ClinicLook>> ClinicLooksAsync(string patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var looks = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PatientId == patientId && (a.Role == Roles.Staff || a.Role == Roles.Admin) && !a.Action.StartsWith(AuditActions.AccountPrefix))
            .OrderByDescending(a => a.Id)
            .Take(200)
            .Select(a => new ClinicLook(a.At, a.Role!, db.SubmittedPlans.Where(p => p.Id == a.PlanId).Select(p => p.Reference).FirstOrDefault(), a.Seen))
            .ToListAsync(cancellationToken);
        return [.. looks.Select(l => l with { At = DateTime.SpecifyKind(l.At, DateTimeKind.Utc) })];
    }

}

public static class AuditWording
{
    /// <summary>An action in words.</summary>
    public static string Action(string action) => action switch
    {
        AuditActions.Submitted => "Sent the plan",
        AuditActions.Viewed => "Opened the plan",
        AuditActions.Withdrawn => "Withdrew the plan",
        AuditActions.Reused => "Started a new plan from its answers",
        AuditActions.StaffViewed => "Opened the plan for review",
        AuditActions.ContactDetailsViewed => "Opened the contact details",
        AuditActions.RecallsExported => "Exported the recall list",
        AuditActions.RulesDraftCreated => "Started a draft of the treatment rules",
        AuditActions.RulesDraftSaved => "Saved a draft of the treatment rules",
        AuditActions.RulesDraftDiscarded => "Discarded a draft of the treatment rules",
        AuditActions.RulesImported => "Imported treatment rules into a draft",
        AuditActions.RulesExported => "Downloaded treatment rules",
        AuditActions.RulesApprovalRequested => "Asked for approval of treatment rules",
        AuditActions.RulesApproved => "Approved treatment rules",
        AuditActions.RulesSentBack => "Sent treatment rules back for changes",
        AuditActions.RulesPublished => "Published treatment rules",
        AuditActions.RulesRolledBack => "Rolled the treatment rules back",

        AuditActions.StaffInvited => "Invited a staff member",
        AuditActions.InvitationAccepted => "Accepted their invitation",
        AuditActions.StaffRoleGranted => "Gave an account the Staff role",
        AuditActions.StaffRoleRemoved => "Took the Staff role from an account",
        AuditActions.AdminRoleGranted => "Gave an account the Admin role",
        AuditActions.AdminRoleRemoved => "Took the Admin role from an account",
        AuditActions.Locked => "Locked an account",
        AuditActions.Unlocked => "Unlocked an account",
        AuditActions.TwoFactorEnabled => "Turned on two-factor sign-in",
        AuditActions.TwoFactorReset => "Reset their authenticator app",
        AuditActions.TwoFactorDisabled => "Turned off two-factor sign-in",
        AuditActions.RecoveryCodesGenerated => "Made new recovery codes",
        AuditActions.RecoveryCodeUsed => "Signed in with a recovery code",
        AuditActions.TwoFactorCodeRefused => "Gave a wrong two-factor code",
        AuditActions.SignedIn => "Signed in",
        AuditActions.PasswordAccepted => "Gave the right password; two-factor code next",
        AuditActions.TwoFactorSignedIn => "Signed in with a two-factor code",
        AuditActions.SignInFailed => "Failed to sign in (wrong password or unknown address)",
        AuditActions.SignInNotAllowed => "Tried to sign in before confirming their email address",
        AuditActions.LockedOut => "Was locked out after too many failed attempts",
        AuditActions.SignedOut => "Signed out",
        AuditActions.SessionExpired => "Was signed out: the session timed out",
        AuditActions.OtherSessionsEnded => "Signed out of their other browsers",
        AuditActions.SignedOutByAdmin => "Signed an account out everywhere",
        AuditActions.PersonalDataExported => "Downloaded all their data",
        AuditActions.AccountDeleted => "Deleted their account and all their data",
        _ => action,
    };

    /// <summary>One look, as the patient reads it: the role, never the person's email.</summary>
    public static string Look(ClinicLook look) =>
        $"{ClinicRole(look.Role)} opened {look.Seen ?? "your plan"}{(look.PlanReference is { } reference ? $" for plan {reference}" : "")}.";

    /// <summary>Who at the clinic, as the patient reads it: the role, never the person's email.</summary>
    public static string ClinicRole(string role) => role == Roles.Admin ? "A clinic administrator" : "A member of the clinic's staff";
}

public static class AuditSetup
{
    public static IServiceCollection AddClinicAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditSearch>();
        return services;
    }
}
