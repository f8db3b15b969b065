using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// One staff and one admin account for trying the app locally. Seeded only in Development; the
/// README lists these credentials. Other environments create an admin with `create-admin`.
/// <para>
/// Both have two-factor sign-in on with the same fixed authenticator key,
/// <see cref="AuthenticatorKey"/>, so a developer adds it to an app once and browser tests compute
/// codes from it. A key in source code protects nothing, which is why it exists only where these
/// accounts do: in Development.
/// </para>
/// </summary>
public static class DevelopmentAccounts
{
    public static readonly DevelopmentAccount StaffAccount = new("staff@planner.test", "Staff-Dev-2026!", Roles.Staff);
    public static readonly DevelopmentAccount AdminAccount = new("admin@planner.test", "Admin-Dev-2026!", Roles.Admin);

    /// <summary>The development accounts' TOTP key (base-32, 160 bits), as the README gives it.</summary>
    public const string AuthenticatorKey = "PLANNERDEVELOPMENTKEYFORTESTSAAA";

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        if (!scope.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // The caller checks too; the fixed key must never reach a real clinic's accounts.
            throw new InvalidOperationException("Development accounts are seeded only in Development.");
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var keys = (IUserAuthenticatorKeyStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>();
        foreach (var account in new[] { StaffAccount, AdminAccount })
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true };
                ThrowIfFailed(await users.CreateAsync(user, account.Password), account.Email);
                ThrowIfFailed(await users.AddToRoleAsync(user, account.Role), account.Email);
            }

            // Databases seeded before two-factor sign-in get it too; a developer who reset the key keeps theirs.
            if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                await keys.SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
                ThrowIfFailed(await users.UpdateAsync(user), account.Email);
                ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true), account.Email);
            }
        }
    }

    private static void ThrowIfFailed(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding the development account {email} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public sealed record DevelopmentAccount(string Email, string Password, string Role);
