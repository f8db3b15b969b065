using System.Net;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>Runs on both providers so that the embedded SQLite default stays honest.</summary>
public abstract class RegistrationTests(AppFixture app)
{
    [Fact]
    public async Task Registering_stores_a_patient_with_an_unconfirmed_email()
    {
        var client = app.Factory.NewClient();
        var email = $"new-patient-{Guid.NewGuid():N}@planner.test";

        var response = await RegisterAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/RegisterConfirmation", response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain(email, response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        await using var db = await app.Factory.CreateDbContextAsync();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        Assert.False(user.EmailConfirmed);
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .ToListAsync();
        Assert.Equal([Roles.Patient], roles);
    }

    [Fact]
    public async Task A_mistyped_confirmation_is_reported_next_to_the_field_and_keeps_the_email()
    {
        var client = app.Factory.NewClient();
        var email = $"typo-{Guid.NewGuid():N}@planner.test";

        var response = await RegisterAsync(client, email, confirmPassword: Forms.StrongPassword + "x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("The two passwords are not the same.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        await using var db = await app.Factory.CreateDbContextAsync();
        var normalized = email.ToUpperInvariant();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == normalized));
    }

    [Fact]
    public async Task The_confirmation_link_confirms_the_account_so_the_patient_can_sign_in()
    {
        var client = app.Factory.NewClient();
        var email = $"confirm-{Guid.NewGuid():N}@planner.test";
        var registered = await RegisterAsync(client, email);

        // In Development the link is on the confirmation page because no mail server is configured.
        var confirmation = await client.GetStringAsync(registered.Headers.Location!.PathAndQuery);
        var link = System.Text.RegularExpressions.Regex.Match(confirmation, "id=\"confirm-link\" href=\"(?<href>[^\"]+)\"").Groups["href"].Value;
        Assert.NotEmpty(link);
        var confirmed = await client.GetStringAsync(new Uri(WebUtility.HtmlDecode(link)).PathAndQuery);
        Assert.Contains("your email address is confirmed", confirmed, StringComparison.Ordinal);

        await client.SignInAsync(email, Forms.StrongPassword);
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string confirmPassword = Forms.StrongPassword) =>
        client.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Forms.StrongPassword,
            ["Input.ConfirmPassword"] = confirmPassword,
        });
}

[Collection(AccountsOnPostgres.Name)]
public sealed class RegistrationOnPostgresTests(PostgresAppFixture app) : RegistrationTests(app);

[Collection(AccountsOnSqlite.Name)]
public sealed class RegistrationOnSqliteTests(SqliteAppFixture app) : RegistrationTests(app);
