using System.Globalization;
using System.Text;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>The authenticator key to add to an app: grouped for typing, and as a QR code to scan.</summary>
/// <param name="Key">The key in groups of four, lower case, as apps accept it typed.</param>
/// <param name="QrCodeDataUri">A PNG of the <c>otpauth://</c> address, as a data URI, drawn on the server.</param>
public sealed record AuthenticatorSetup(string Key, string QrCodeDataUri);

/// <summary>The outcome of a code typed to turn two-factor sign-in on.</summary>
public abstract record EnableResult
{
    private EnableResult()
    {
    }

    public sealed record Enabled(IReadOnlyList<string> RecoveryCodes) : EnableResult;

    public sealed record WrongCode : EnableResult;
}

/// <summary>
/// An account's two-factor sign-in with an authenticator app (TOTP): setting it up, recovery codes,
/// resetting it and, for patients only, turning it off. Each change is audited against the account
/// and logged by user id. The pages sign the user in again afterwards, so the sign-in carries the
/// new state (<see cref="Roles.TwoFactorClaimType"/>).
/// </summary>
public sealed partial class TwoFactorAccount(
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> store,
    IDbContextFactory<PlannerDbContext> factory,
    TimeProvider clock,
    ILogger<TwoFactorAccount> logger)
{
    /// <summary>Where a staff or admin user without two-factor sign-in is sent.</summary>
    public const string SetupPath = "/Account/Manage/EnableAuthenticator";

    public const int RecoveryCodeCount = 10;

    /// <summary>The name authenticator apps show for the account.</summary>
    public const string Issuer = "Microneedling Planner";

    /// <summary>Staff and admins must keep two-factor sign-in on: they may reset it, never turn it off.</summary>
    public async Task<bool> MustKeepTwoFactorAsync(ApplicationUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(Roles.NeedingTwoFactor.Contains);
    }

    /// <summary>The key to add to an authenticator app; a first visit makes one.</summary>
    public async Task<AuthenticatorSetup> LoadSetupAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Stored without Identity's reset, which would also change the security stamp and so sign the
            // user out at their next request (the stamp is checked on every one). A first key unlocks nothing yet.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            ThrowIfFailed(await users.UpdateAsync(user));
        }

        return new AuthenticatorSetup(FormatKey(key), QrCodeDataUri(AuthenticatorUri(user.Email ?? user.UserName ?? user.Id, key)));
    }

    /// <summary>Checks a code from the app against the account's key; turns two-factor sign-in on and makes recovery codes if it matches.</summary>
    public async Task<EnableResult> EnableAsync(ApplicationUser user, string code)
    {
        var cleaned = CleanCode(code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            await RecordAsync(user, AuditActions.TwoFactorCodeRefused);
            LogRefused(logger, user.Id);
            return new EnableResult.WrongCode();
        }

        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync(user, AuditActions.TwoFactorEnabled);
        LogChanged(logger, "turned on", user.Id);
        return new EnableResult.Enabled(codes);
    }

    public async Task<IReadOnlyList<string>> GenerateRecoveryCodesAsync(ApplicationUser user)
    {
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            throw new InvalidOperationException("Recovery codes are made only for an account with two-factor sign-in on.");
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync(user, AuditActions.RecoveryCodesGenerated);
        LogChanged(logger, "got new recovery codes", user.Id);
        return codes;
    }

    /// <summary>A new key: the old app stops working and two-factor sign-in is off until a code from the new key is given.</summary>
    public async Task ResetAsync(ApplicationUser user)
    {
        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));
        ThrowIfFailed(await users.ResetAuthenticatorKeyAsync(user));
        await RecordAsync(user, AuditActions.TwoFactorReset);
        LogChanged(logger, "reset", user.Id);
    }

    /// <summary>Turns two-factor sign-in off; false (and nothing changed) for staff and admins, who must keep it.</summary>
    public async Task<bool> DisableAsync(ApplicationUser user)
    {
        if (await MustKeepTwoFactorAsync(user))
        {
            return false;
        }

        ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, false));
        await RecordAsync(user, AuditActions.TwoFactorDisabled);
        LogChanged(logger, "turned off", user.Id);
        return true;
    }

    /// <summary>Codes are typed with spaces or dashes as apps show them.</summary>
    public static string CleanCode(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    /// <summary>The key in groups of four, lower case: easier to read out and type than one long run.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public static string AuthenticatorUri(string accountName, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private Task RecordAsync(ApplicationUser user, string action) => AccountAudit.RecordAsync(users, factory, clock, user, action);

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in {Change} for user {UserId}.")]
    private static partial void LogChanged(ILogger logger, string change, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A wrong two-factor code was given for user {UserId}.")]
    private static partial void LogRefused(ILogger logger, string userId);
}
