using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>Issue 12, item 2 (lockout): after the configured number of wrong passwords the account is locked for the configured time.</summary>
public sealed class LockoutTests(PostgresServer server)
{
    private static Dictionary<string, string> WrongPassword(string email) => new Dictionary<string, string>
    {
        ["Input.Email"] = email,
        ["Input.Password"] = "not-the-password-at-all",
    };

    [Fact]
    public async Task Three_wrong_passwords_lock_the_account_for_the_configured_two_minutes_and_the_page_says_so()
    {
        var connection = await server.CreateDatabaseAsync("lockout");
        try
        {
            await using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection)
                .With("Accounts:Lockout:MaxFailedAttempts", "3")
                .With("Accounts:Lockout:Minutes", "2");
            var email = await factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
            var client = factory.NewClient();

            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var refused = await client.SubmitAsync("/Account/Login", WrongPassword(email));
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            }

            var third = await client.SubmitAsync("/Account/Login", WrongPassword(email));
            Assert.Equal("/Account/Lockout", third.Headers.Location!.AbsolutePath);

            using var scope = factory.Services.CreateScope();
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
            var minutes = (user.LockoutEnd!.Value - DateTimeOffset.UtcNow).TotalMinutes;
            Assert.InRange(minutes, 1.5, 2.01);
            Assert.Contains("locked for 2 minutes", await client.GetStringAsync("/Account/Lockout", TestContext.Current.CancellationToken), StringComparison.Ordinal);

            // The right password does not open a locked account.
            var right = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Forms.StrongPassword });
            Assert.Equal("/Account/Lockout", right.Headers.Location!.AbsolutePath);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }
}
