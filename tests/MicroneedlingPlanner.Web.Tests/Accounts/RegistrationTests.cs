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
    public async Task The_confirmation_link_opened_in_another_browser_confirms_the_account_and_the_patient_signs_in()
    {
        var client = app.Factory.NewClient();
        var email = $"confirm-{Guid.NewGuid():N}@planner.test";
        var link = await RegisterAndReadLinkAsync(client, email);

        var elsewhere = app.Factory.NewClient();
        var confirmed = await elsewhere.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("your email address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/my-plans")).StatusCode);
        await elsewhere.SignInAsync(email, Forms.StrongPassword);
    }

    [Fact]
    public async Task Confirming_in_the_browser_that_registered_from_sending_signs_in_and_returns_to_sending()
    {
        var client = app.Factory.NewClient();
        var link = await RegisterAndReadLinkAsync(client, $"sending-{Guid.NewGuid():N}@planner.test", returnUrl: "plan/send");

        var confirmed = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/plan/send", confirmed.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plan/send")).StatusCode);
    }

    /// <summary>Registers and returns the confirmation link, which Development shows on the page after registering.</summary>
    private static async Task<string> RegisterAndReadLinkAsync(HttpClient client, string email, string? returnUrl = null)
    {
        var registered = await RegisterAsync(client, email, returnUrl: returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var confirmation = await client.GetStringAsync(registered.Headers.Location!.PathAndQuery);
        var link = System.Text.RegularExpressions.Regex.Match(confirmation, "id=\"confirm-link\" href=\"(?<href>[^\"]+)\"").Groups["href"].Value;
        Assert.NotEmpty(link);
        return new Uri(WebUtility.HtmlDecode(link)).PathAndQuery;
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string confirmPassword = Forms.StrongPassword, string? returnUrl = null) =>
        client.SubmitAsync(returnUrl is null ? "/Account/Register" : $"/Account/Register?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
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
