using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in, with two changes every sign-in page gets at once.
/// <list type="bullet">
/// <item>Failure does not tell whether an address has an account (OWASP ASVS 5.0, 6.3.x): an unknown
/// address costs one password-hash check, as a known one does (5 ms against 100 ms before), and an
/// unconfirmed account says "confirm your address first" only to someone who knows its password.</item>
/// <item>Every outcome of each step (password, authenticator code, recovery code) is audited against
/// the account and logged by user id, never with the address or the password (ASVS 5.0, 16.3.1).
/// A failure for an unknown address is audited without an account.</item>
/// </list>
/// </summary>
public sealed partial class PlannerSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> identityLogger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    IDbContextFactory<PlannerDbContext> dbFactory,
    AccountSessions sessions,
    TimeProvider clock,
    ILogger<PlannerSignInManager> logger)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, identityLogger, schemes, confirmation)
{
    /// <summary>The audit row's user for a failed sign-in with an address that has no account.</summary>
    public const string UnknownAccount = "unknown-account";

    /// <summary>A hash of a password no one has, made once with the app's own hasher so checking it costs what a real check costs.</summary>
    private static string? decoy;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is not null)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        var nobody = new ApplicationUser();
        decoy ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        _ = UserManager.PasswordHasher.VerifyHashedPassword(nobody, decoy, password);
        LogUnknownAccount(logger);
        await RecordAsync(null, AuditActions.SignInFailed);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // Identity answers "not allowed" before it looks at the password; that would tell anyone that
        // an unconfirmed account exists. A wrong password is a wrong password first.
        if (!await CanSignInAsync(user) && !await UserManager.CheckPasswordAsync(user, password))
        {
            if (lockoutOnFailure)
            {
                await UserManager.AccessFailedAsync(user);
            }

            return SignInResult.Failed;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(ApplicationUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result switch
        {
            { Succeeded: true } => AuditActions.SignedIn,
            { RequiresTwoFactor: true } => AuditActions.PasswordAccepted,
            { IsLockedOut: true } => AuditActions.LockedOut,
            { IsNotAllowed: true } => AuditActions.SignInNotAllowed,
            _ => AuditActions.SignInFailed,
        });
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordSecondStepAsync(user, result, AuditActions.TwoFactorSignedIn);
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordSecondStepAsync(user, result, AuditActions.RecoveryCodeUsed);
        return result;
    }

    /// <summary>The key in <c>HttpContext.Items</c> saying the sign-in being written only refreshes the current one.</summary>
    public const string RefreshingItem = "planner.refreshing-sign-in";

    /// <summary>
    /// A refresh (after a password change, or setting up two-factor sign-in) keeps the session and
    /// its start; every real sign-in starts a new session (AccountsSetup.StartSessionAsync).
    /// </summary>
    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        Context.Items[RefreshingItem] = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            Context.Items.Remove(RefreshingItem);
        }
    }

    /// <summary>Ends this browser's session on the server, so a copied cookie is refused too, and audits it.</summary>
    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        await sessions.EndAsync(principal);
        // Read afresh, not from Identity's tracked copy: an account deleted in this request signs out unrecorded.
        var id = UserManager.GetUserId(principal);
        if (id is not null && await UserManager.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id) is { } user)
        {
            await RecordAsync(user, AuditActions.SignedOut);
        }

        await base.SignOutAsync();
    }

    private Task RecordSecondStepAsync(ApplicationUser? user, SignInResult result, string success) =>
        user is null ? Task.CompletedTask : RecordAsync(user, result switch
        {
            { Succeeded: true } => success,
            { IsLockedOut: true } => AuditActions.LockedOut,
            _ => AuditActions.TwoFactorCodeRefused,
        });

    private async Task RecordAsync(ApplicationUser? user, string action)
    {
        if (user is not null)
        {
            LogOutcome(logger, action, user.Id);
        }

        await AccountAudit.RecordAsync(UserManager, dbFactory, clock, user, action);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in: {Action} for user {UserId}")]
    private static partial void LogOutcome(ILogger logger, string action, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in: a password was tried for an address that has no account")]
    private static partial void LogUnknownAccount(ILogger logger);
}

/// <summary>Audit rows about an account: who it is, in the role it holds, acting on itself.</summary>
internal static class AccountAudit
{
    public static async Task RecordAsync(UserManager<ApplicationUser> users, IDbContextFactory<PlannerDbContext> factory, TimeProvider clock,
        ApplicationUser? user, string action)
    {
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        await using var db = await factory.CreateDbContextAsync();
        await AuditLog.RecordAsync(db, new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user?.Id ?? PlannerSignInManager.UnknownAccount,
            Role = user is null ? null : Roles.Highest(roles),
            Action = action,
            PatientId = user?.Id,
        });
    }
}
