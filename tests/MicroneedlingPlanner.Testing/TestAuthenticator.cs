using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace MicroneedlingPlanner.Testing;

/// <summary>
/// The authenticator app of the tests: codes computed with Otp.NET (not Identity) from a known key.
/// Staff and admin accounts that tests create get <see cref="Key"/>; the seeded development accounts
/// have <see cref="DevelopmentAccounts.AuthenticatorKey"/>.
/// </summary>
public static class TestAuthenticator
{
    /// <summary>Different from the development key, so a test can tell the two apart.</summary>
    public const string Key = "TESTSTAFFAUTHENTICATORKEY2345672";

    /// <summary>The 6-digit code an app with this key shows now.</summary>
    public static string Code(string key) => CodeAt(key, DateTime.UtcNow);

    /// <summary>The code an app with this key shows at <paramref name="utc"/> (the next one: 30 seconds on).</summary>
    public static string CodeAt(string key, DateTime utc) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp(utc);

    /// <summary>The key the account with this address was given: the development key for the seeded accounts, else <see cref="Key"/>.</summary>
    public static string KeyFor(string email) =>
        email == DevelopmentAccounts.StaffAccount.Email || email == DevelopmentAccounts.AdminAccount.Email ? DevelopmentAccounts.AuthenticatorKey : Key;

    /// <summary>Turns two-factor sign-in on for the account with <see cref="Key"/>, as if its owner had set up an app.</summary>
    public static async Task EnableAsync(IServiceProvider services, ApplicationUser user)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        var stored = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException($"No user {user.Id}.");
        await keys.SetAuthenticatorKeyAsync(stored, Key, CancellationToken.None);
        Check(await users.UpdateAsync(stored));
        Check(await users.SetTwoFactorEnabledAsync(stored, true));
        user.TwoFactorEnabled = true;
        user.SecurityStamp = stored.SecurityStamp;
        user.ConcurrencyStamp = stored.ConcurrencyStamp;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
