using System.Security.Claims;
using MicroneedlingPlanner.Web.Features.Accounts;

namespace MicroneedlingPlanner.Web.Features.Audit;

/// <summary>
/// One row of the audit log: who (and in which role) did or saw what about which patient and
/// plan, and when. Holds ids and a short description only, never health data or contact details,
/// so the log can be kept and read without widening who sees them. Rows are only ever added,
/// through <see cref="AuditLog.RecordAsync(Data.PlannerDbContext, AuditEntry, CancellationToken)"/>,
/// which chains them: each carries the hash of the row before it. The database refuses UPDATE
/// and DELETE on the table (migration ClinicAuditAppendOnly).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }

    /// <summary>The role the user acted in (<see cref="Roles"/>); null only on rows written before the clinic audit.</summary>
    public string? Role { get; set; }

    public required string Action { get; set; }

    /// <summary>The patient whose data it is; null for work on no patient's data (the rules) and on rows written before the clinic audit.</summary>
    public string? PatientId { get; set; }

    /// <summary>The plan, when the row is about one (contact details alone are about the patient).</summary>
    public Guid? PlanId { get; set; }

    /// <summary>What was shown, in plain words (see <see cref="AuditSeen"/>); null for actions that show nothing.</summary>
    public string? Seen { get; set; }

    /// <summary>The <see cref="Hash"/> of the row before this one (64 zeros for the first); set by <see cref="AuditLog"/>.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 over this row's canonical form and <see cref="PreviousHash"/>; set by <see cref="AuditLog"/>.</summary>
    public string? Hash { get; set; }

    /// <summary>Something the patient did with their own plan.</summary>
    public static AuditEntry ByPatient(string patientId, string action, Guid planId, DateTime at, string? seen = null) => new()
    {
        At = at,
        UserId = patientId,
        Role = Roles.Patient,
        Action = action,
        PatientId = patientId,
        PlanId = planId,
        Seen = seen,
    };

    /// <summary>
    /// A staff or admin user looked at a patient's data. Checks the role again, as clinic services
    /// do, so a row can never claim a patient looked at someone's data as staff.
    /// </summary>
    public static AuditEntry StaffLook(ClaimsPrincipal user, string action, string patientId, Guid? planId, string seen, DateTime at) => new()
    {
        At = at,
        UserId = Roles.RequireStaff(user),
        Role = Roles.StaffRoleOf(user),
        Action = action,
        PatientId = patientId,
        PlanId = planId,
        Seen = seen,
    };
}

/// <summary>The actions the log records. Staff actions start with <c>staff.</c>.</summary>
public static class AuditActions
{
    public const string Submitted = "plan.submitted";
    public const string Viewed = "plan.viewed";
    public const string Withdrawn = "plan.withdrawn";
    public const string Reused = "plan.answers-reused";

    /// <summary>A staff or admin user opened the plan's review page (answers, plan, history).</summary>
    public const string StaffViewed = "plan.staff-viewed";

    /// <summary>Staff opened a patient's contact details (email, phone) from the recall list.</summary>
    public const string ContactDetailsViewed = "staff.contact-viewed";

    /// <summary>Staff exported the recall list as CSV; one row per patient and plan in the file.</summary>
    public const string RecallsExported = "staff.recalls-exported";

    // An admin's work on the treatment rules; Seen names the version.
    public const string RulesDraftCreated = "rules.draft-created";
    public const string RulesDraftSaved = "rules.draft-saved";
    public const string RulesDraftDiscarded = "rules.draft-discarded";
    public const string RulesImported = "rules.imported";
    public const string RulesExported = "rules.exported";
    public const string RulesApprovalRequested = "rules.approval-requested";
    public const string RulesApproved = "rules.approved";
    public const string RulesSentBack = "rules.sent-back";
    public const string RulesPublished = "rules.published";
    public const string RulesRolledBack = "rules.rolled-back";

    // Accounts. PatientId holds the account acted on (its id, never its email); UserId who acted.

    /// <summary>An admin created a staff account and sent its invitation.</summary>
    public const string StaffInvited = "account.staff-invited";

    /// <summary>The invited user chose their password through the invitation link.</summary>
    public const string InvitationAccepted = "account.invitation-accepted";

    public const string StaffRoleGranted = "account.staff-role-granted";
    public const string StaffRoleRemoved = "account.staff-role-removed";
    public const string AdminRoleGranted = "account.admin-role-granted";
    public const string AdminRoleRemoved = "account.admin-role-removed";
    public const string Locked = "account.locked";
    public const string Unlocked = "account.unlocked";

    /// <summary>The user turned two-factor sign-in on with a code from their authenticator app.</summary>
    public const string TwoFactorEnabled = "account.2fa-enabled";

    /// <summary>The user reset their authenticator key, which also turns two-factor sign-in off until set up again.</summary>
    public const string TwoFactorReset = "account.2fa-reset";

    /// <summary>A patient turned two-factor sign-in off (staff and admins cannot).</summary>
    public const string TwoFactorDisabled = "account.2fa-disabled";

    public const string RecoveryCodesGenerated = "account.recovery-codes-generated";
    public const string RecoveryCodeUsed = "account.recovery-code-used";

    /// <summary>A wrong authenticator or recovery code, at sign-in or when turning two-factor sign-in on.</summary>
    public const string TwoFactorCodeRefused = "account.2fa-code-refused";

    // Sign-in, step by step (PlannerSignInManager). A failure for an address with no account has no PatientId.
    public const string SignedIn = "account.signed-in";
    public const string PasswordAccepted = "account.password-accepted";
    public const string TwoFactorSignedIn = "account.2fa-signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignInNotAllowed = "account.sign-in-unconfirmed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.signed-out";
    public const string SessionExpired = "account.session-expired";

    /// <summary>The user ended their other sessions (the sessions page); an admin ended all of an account's.</summary>
    public const string OtherSessionsEnded = "account.other-sessions-ended";
    public const string SignedOutByAdmin = "account.signed-out-by-admin";

    /// <summary>The patient downloaded everything held about them (Articles 15 and 20).</summary>
    public const string PersonalDataExported = "account.data-exported";

    /// <summary>
    /// The patient deleted their account and all their data (Article 17). The one row written after
    /// the deletion: the account's id is all that is left of them (see PersonalDataRights.DeleteAccountAsync).
    /// </summary>
    public const string AccountDeleted = "account.deleted";

    /// <summary>Actions about accounts rather than a patient's data; a patient's "who looked" leaves them out.</summary>
    public const string AccountPrefix = "account.";

}

/// <summary>What a row says was seen, in words an admin or the patient can read.</summary>
public static class AuditSeen
{
    public const string Plan = "plan";
    public const string PlanAndAnswers = "plan and answers";
    public const string ContactDetails = "contact details";
    public const string RecallExport = "contact details and maintenance dates (exported list)";
}
