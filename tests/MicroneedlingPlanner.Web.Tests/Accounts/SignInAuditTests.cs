using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>
/// Issue 12, item 2 (logging): every sign-in, failure, lockout, sign-out and two-factor step is
/// audited against the account and logged by user id; neither holds the email or the password.
/// </summary>
public sealed class SignInAuditTests(PostgresServer server) : IAsyncLifetime
{
    private readonly LogCapture logs = new();
    private string connection = default!;
    private PlannerAppFactory factory = default!;

    public async ValueTask InitializeAsync()
    {
        connection = await server.CreateDatabaseAsync("signinaudit");
        factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection)
            .With("Accounts:Lockout:MaxFailedAttempts", "2")
            .With(services => services.AddSingleton<ILoggerProvider>(logs));
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await server.DropDatabaseAsync(connection);
    }

    private const string WrongPassword = "a-wrong-password-typed-by-mistake";

    private static Dictionary<string, string> Attempt(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task Each_step_is_audited_and_logged_by_user_id_without_the_email_or_the_password()
    {
        var patient = await factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var staff = await factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var unknown = $"nobody-{Guid.NewGuid():N}@planner.test";

        var client = factory.NewClient();
        await client.SubmitAsync("/Account/Login", Attempt(patient, WrongPassword));
        await client.SignInAsync(patient, Forms.StrongPassword);
        await client.SignOutAsync();
        await client.SignInAsync(staff, Forms.StrongPassword); // password, then the authenticator code
        await factory.NewClient().SubmitAsync("/Account/Login", Attempt(unknown, WrongPassword));
        var locked = await factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        await factory.NewClient().SubmitAsync("/Account/Login", Attempt(locked, WrongPassword));
        await factory.NewClient().SubmitAsync("/Account/Login", Attempt(locked, WrongPassword));

        await using var db = await factory.CreateDbContextAsync();
        var ids = await db.Users.Where(u => u.Email == patient || u.Email == staff || u.Email == locked).ToDictionaryAsync(u => u.Email!, u => u.Id, TestContext.Current.CancellationToken);
        async Task<List<string>> ActionsOf(string userId) =>
            await db.AuditEntries.Where(a => a.UserId == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignedIn, AuditActions.SignedOut], await ActionsOf(ids[patient]));
        Assert.Equal([AuditActions.PasswordAccepted, AuditActions.TwoFactorSignedIn], await ActionsOf(ids[staff]));
        Assert.Equal([AuditActions.SignInFailed, AuditActions.LockedOut], await ActionsOf(ids[locked]));
        var forUnknown = await db.AuditEntries.Where(a => a.UserId == PlannerSignInManager.UnknownAccount).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(forUnknown, a => a.Action == AuditActions.SignInFailed && a.PatientId == null);

        var signInLines = logs.Entries.Where(e => e.Message.StartsWith("Sign-in:", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Contains($"Sign-in: {AuditActions.SignedIn} for user {ids[patient]}", signInLines);
        Assert.Contains($"Sign-in: {AuditActions.LockedOut} for user {ids[locked]}", signInLines);
        Assert.Contains("Sign-in: a password was tried for an address that has no account", signInLines);
        foreach (var (_, message) in logs.Entries)
        {
            foreach (var secret in new[] { patient, staff, unknown, locked, WrongPassword, Forms.StrongPassword })
            {
                Assert.DoesNotContain(secret, message, StringComparison.OrdinalIgnoreCase);
            }
        }

        var audited = await db.AuditEntries.Select(a => a.UserId + "|" + a.PatientId + "|" + a.Seen).ToListAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(audited, row => row.Contains('@', StringComparison.Ordinal));
    }
}
