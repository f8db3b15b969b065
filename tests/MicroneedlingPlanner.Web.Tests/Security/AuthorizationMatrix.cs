using static MicroneedlingPlanner.Web.Tests.Security.Outcome;

namespace MicroneedlingPlanner.Web.Tests.Security;

public enum Principal { Anonymous, PatientA, PatientB, Staff, Admin }

/// <summary>What a principal gets from an endpoint.</summary>
public enum Outcome
{
    /// <summary>The endpoint's own answer: 200.</summary>
    Allowed,

    /// <summary>Allowed, and the endpoint's own answer is a redirect to the row's <see cref="MatrixRow.RedirectsTo"/> (e.g. sign-out to the home page).</summary>
    Redirected,

    /// <summary>Refused: 302 to /Account/Login (the cookie scheme's challenge; the app sends no 401).</summary>
    SignIn,

    /// <summary>Refused: 302 to /Account/AccessDenied (the cookie scheme's forbid; the app sends no 403).</summary>
    Denied,

    /// <summary>Refused: 404, for someone else's object asked for by id, so that its existence is not confirmed.</summary>
    NotFound,
}

/// <summary>
/// One endpoint as the app maps it (<paramref name="Endpoint"/>: its HTTP methods and route pattern,
/// exactly as the endpoint data source lists them), the request that stands for it, and what each
/// principal gets. <c>{planA}</c> in the request is replaced by the id of the plan patient A sent.
/// </summary>
public sealed record MatrixRow(string Endpoint, string Request, Outcome Anonymous, Outcome PatientA, Outcome PatientB, Outcome Staff, Outcome Admin)
{
    /// <summary>Where the endpoint sends a principal whose outcome is <see cref="Outcome.Redirected"/>.</summary>
    public string? RedirectsTo { get; init; }

    public Outcome For(Principal principal) => principal switch
    {
        Principal.Anonymous => Anonymous,
        Principal.PatientA => PatientA,
        Principal.PatientB => PatientB,
        Principal.Staff => Staff,
        Principal.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(principal)),
    };
}

/// <summary>
/// Every endpoint of the app and who may use it. Staff and admin are accounts with two-factor
/// sign-in on, as their roles need. A new endpoint fails <see cref="AuthorizationMatrixTests"/>
/// until it has a row here.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        //                                                                                          anonymous  patient A  patient B  staff     admin
        // Open to everyone.
        new("GET,POST /", "/",                                                                     Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Error", "/Error",                                                           Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /not-found", "/not-found",                                                   Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /plan/questions", "/plan/questions",                                         Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /plan", "/plan",                                                             Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("ANY /health", "/health",                                                              Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("ANY /health/live", "/health/live",                                                    Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET /api/rules/current", "/api/rules/current",                                        Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("POST /api/plans/preview", "POST /api/plans/preview",                                  Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET /openapi/{documentName}.json", "/openapi/v1.json",                                Allowed,   Allowed,   Allowed,   Allowed,  Allowed),

        // Signing in, registering and recovering an account: open to everyone.
        new("GET,POST /Account/Login", "/Account/Login",                                           Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/LoginWith2fa", "/Account/LoginWith2fa",                             Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode",           Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/Lockout", "/Account/Lockout",                                       Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/AccessDenied", "/Account/AccessDenied",                             Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/Register", "/Account/Register",                                     Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/RegisterConfirmation", "/Account/RegisterConfirmation",             Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/ConfirmEmail", "/Account/ConfirmEmail",                             Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/ResendEmailConfirmation", "/Account/ResendEmailConfirmation",       Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/ForgotPassword", "/Account/ForgotPassword",                         Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/ResetPassword", "/Account/ResetPassword",                           Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/AcceptInvitation", "/Account/AcceptInvitation",                     Allowed,   Allowed,   Allowed,   Allowed,  Allowed),
        new("POST /Account/Logout", "POST /Account/Logout",                                        Redirected, Redirected, Redirected, Redirected, Redirected) { RedirectsTo = "/" },

        // One's own account: anyone signed in.
        new("GET,POST /Account/Manage", "/Account/Manage",                                         SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/Manage/EnableAuthenticator", "/Account/Manage/EnableAuthenticator", SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/Manage/Disable2fa", "/Account/Manage/Disable2fa",                   SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        // Patients here have no two-factor sign-in, so the page sends them back to their account page to turn it on first.
        new("GET,POST /Account/Manage/GenerateRecoveryCodes", "/Account/Manage/GenerateRecoveryCodes", SignIn, Redirected, Redirected, Allowed, Allowed) { RedirectsTo = "/Account/Manage" },
        new("GET,POST /Account/Manage/ResetAuthenticator", "/Account/Manage/ResetAuthenticator",   SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/Manage/Sessions", "/Account/Manage/Sessions",                       SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        // A user's own data: the download holds only the signed-in account's (DataRights tests check its content).
        new("GET,POST /Account/Manage/PersonalData", "/Account/Manage/PersonalData",               SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /Account/Manage/DeletePersonalData", "/Account/Manage/DeletePersonalData",   SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        new("POST /Account/Manage/DownloadPersonalData", "POST /Account/Manage/DownloadPersonalData", SignIn, Allowed,   Allowed,   Allowed,  Allowed),

        // A patient's own plans. The calendar (.ics) file has no endpoint: the plan page writes it
        // in the browser from the plan it loaded, so this row is also the calendar file's.
        new("GET,POST /my-plans", "/my-plans",                                                     SignIn,    Allowed,   Allowed,   Allowed,  Allowed),
        new("GET,POST /my-plans/{Id:guid}", "/my-plans/{planA}",                                   SignIn,    Allowed,   NotFound,  NotFound, NotFound),
        new("GET,POST /plan/send", "/plan/send",                                                   SignIn,    Allowed,   Allowed,   Allowed,  Allowed),

        // The clinic: the queue, a plan's review page with its history, recalls and their export.
        new("GET,POST /staff", "/staff",                                                           SignIn,    Denied,    Denied,    Allowed,  Allowed),
        new("GET,POST /staff/plans/{Id:guid}", "/staff/plans/{planA}",                             SignIn,    Denied,    Denied,    Allowed,  Allowed),
        new("GET,POST /staff/recalls", "/staff/recalls",                                           SignIn,    Denied,    Denied,    Allowed,  Allowed),
        new("GET /staff/recalls/export.csv", "/staff/recalls/export.csv?from=2026-01-01&to=2027-12-31", SignIn, Denied,   Denied,    Allowed,  Allowed),

        // Admin only: the audit log (who viewed which plan), users, treatment rules and their export.
        new("GET,POST /admin", "/admin",                                                           SignIn,    Denied,    Denied,    Denied,   Allowed),
        new("GET,POST /admin/audit", "/admin/audit",                                               SignIn,    Denied,    Denied,    Denied,   Allowed),
        new("GET,POST /admin/users", "/admin/users",                                               SignIn,    Denied,    Denied,    Denied,   Allowed),
        new("GET,POST /admin/rules", "/admin/rules",                                               SignIn,    Denied,    Denied,    Denied,   Allowed),
        new("GET,POST /admin/rules/{Number:int}", "/admin/rules/1",                                SignIn,    Denied,    Denied,    Denied,   Allowed),
        new("GET /admin/rules/{number:int}/export.json", "/admin/rules/1/export.json",             SignIn,    Denied,    Denied,    Denied,   Allowed),
    ];
}
