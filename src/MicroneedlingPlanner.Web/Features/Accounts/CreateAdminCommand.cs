using System.ComponentModel.DataAnnotations;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// `dotnet run --project src/MicroneedlingPlanner.Web -- create-admin EMAIL`: makes an admin account
/// outside Development, where nothing is seeded. The password is typed (or piped) by the operator,
/// never defaulted. An existing account keeps its password and is given the Admin role.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, Func<string?> readPassword, TextWriter output)
    {
        if (args is not [_, var email] || !new EmailAddressAttribute().IsValid(email))
        {
            await output.WriteLineAsync($"Usage: {Name} EMAIL   (EMAIL must be an email address; the password is read from standard input)");
            return 2;
        }

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await output.WriteAsync($"Password for {email}: ");
            var password = readPassword();
            await output.WriteLineAsync();
            if (string.IsNullOrEmpty(password))
            {
                await output.WriteLineAsync("No password was given; nothing was created.");
                return 1;
            }

            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await output.WriteLineAsync($"The account was not created: {Describe(created)}");
                return 1;
            }
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            var added = await users.AddToRoleAsync(user, Roles.Admin);
            if (!added.Succeeded)
            {
                await output.WriteLineAsync($"The Admin role was not given: {Describe(added)}");
                return 1;
            }
        }

        await output.WriteLineAsync($"{email} is an admin.");
        return 0;
    }

    /// <summary>Reads a line without echoing it when a person is typing; reads plainly when piped.</summary>
    public static string? ReadPasswordFromConsole()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }

        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        return password.ToString();
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
