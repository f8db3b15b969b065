using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// One staff and one admin account for trying the app locally. Seeded only in Development; the
/// README lists these credentials. Other environments create an admin with `create-admin`.
/// </summary>
public static class DevelopmentAccounts
{
    public static readonly DevelopmentAccount StaffAccount = new("staff@planner.test", "Staff-Dev-2026!", Roles.Staff);
    public static readonly DevelopmentAccount AdminAccount = new("admin@planner.test", "Admin-Dev-2026!", Roles.Admin);

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var account in new[] { StaffAccount, AdminAccount })
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true };
            ThrowIfFailed(await users.CreateAsync(user, account.Password), account.Email);
            ThrowIfFailed(await users.AddToRoleAsync(user, account.Role), account.Email);
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
