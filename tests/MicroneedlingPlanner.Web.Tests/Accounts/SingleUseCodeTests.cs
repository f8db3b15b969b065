using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>Issue 12, item 2 (ASVS 6.5.1): an authenticator code signs in once; the next code works.</summary>
public sealed class SingleUseCodeTests(PostgresServer server) : IAsyncLifetime
{
    private string connection = default!;
    private PlannerAppFactory factory = default!;

    public async ValueTask InitializeAsync()
    {
        connection = await server.CreateDatabaseAsync("singleuse");
        factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection).With("Accounts:TwoFactor:AllowCodeReuse", "false");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await server.DropDatabaseAsync(connection);
    }

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string email, string code)
    {
        var client = factory.NewClient();
        var password = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Forms.StrongPassword });
        var page = password.Headers.Location!.OriginalString;
        Assert.Contains("Account/LoginWith2fa", page, StringComparison.Ordinal);
        return await client.SubmitAsync(page, page, new Dictionary<string, string> { ["Input.Code"] = code });
    }

    [Fact]
    public async Task A_code_that_signed_in_once_is_refused_the_second_time_and_the_next_code_works()
    {
        var email = await factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var now = DateTime.UtcNow;
        var code = TestAuthenticator.CodeAt(TestAuthenticator.Key, now);

        var first = await SignInWithCodeAsync(email, code);
        var replayed = await SignInWithCodeAsync(email, code);
        var next = await SignInWithCodeAsync(email, TestAuthenticator.CodeAt(TestAuthenticator.Key, now.AddSeconds(30)));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("that code is not the one your app shows now", await replayed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        await using var db = await factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [AuditActions.PasswordAccepted, AuditActions.TwoFactorSignedIn, AuditActions.PasswordAccepted, AuditActions.TwoFactorCodeRefused, AuditActions.PasswordAccepted, AuditActions.TwoFactorSignedIn],
            await db.AuditEntries.Where(a => a.UserId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_code_two_steps_old_is_refused()
    {
        var email = await factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);

        var stale = await SignInWithCodeAsync(email, TestAuthenticator.CodeAt(TestAuthenticator.Key, DateTime.UtcNow.AddSeconds(-75)));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task Allowing_code_reuse_outside_development_stops_the_app_at_start()
    {
        await using var production = new PlannerAppFactory(DatabaseProvider.Postgres, connection, "Production").With("Accounts:TwoFactor:AllowCodeReuse", "true");

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("AllowCodeReuse is true", error.ToString(), StringComparison.Ordinal);
    }
}
