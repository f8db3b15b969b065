using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>
/// Issue 12, item 2 (sessions): a sign-in ends after inactivity (30 minutes for staff and admins,
/// 120 for patients, both configurable), at an absolute lifetime (12 hours), and at sign-out; a
/// password change ends the account's other sessions. Time is moved with the app's clock.
/// </summary>
public sealed class SessionTests(PostgresServer server) : IAsyncLifetime
{
    private readonly TestClock clock = new(DateTimeOffset.UtcNow);
    private string connection = default!;
    private readonly List<PlannerAppFactory> factories = [];

    public async ValueTask InitializeAsync() => connection = await server.CreateDatabaseAsync("sessions");

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in factories)
        {
            await factory.DisposeAsync();
        }

        await server.DropDatabaseAsync(connection);
    }

    private PlannerAppFactory App(params (string Key, string Value)[] settings)
    {
        var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection).With(clock);
        foreach (var (key, value) in settings)
        {
            factory.With(key, value);
        }

        factories.Add(factory);
        return factory;
    }

    private static async Task<HttpClient> SignedInAsync(PlannerAppFactory app, string role)
    {
        var client = app.NewClient();
        await client.SignInAsync(await app.CreateConfirmedUserAsync(role, Forms.StrongPassword), Forms.StrongPassword);
        return client;
    }

    private static async Task AssertSignedInAsync(HttpClient client, string page) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);

    private static async Task AssertSignedOutAsync(HttpClient client, string page)
    {
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_are_signed_out_after_30_idle_minutes_and_patients_after_120()
    {
        var app = App();
        var staff = await SignedInAsync(app, Roles.Staff);
        var patient = await SignedInAsync(app, Roles.Patient);

        clock.Advance(TimeSpan.FromMinutes(29));
        await AssertSignedInAsync(staff, "/staff");
        clock.Advance(TimeSpan.FromMinutes(31));
        await AssertSignedOutAsync(staff, "/staff");
        await AssertSignedInAsync(patient, "/my-plans"); // idle 60 minutes: within a patient's 120

        clock.Advance(TimeSpan.FromMinutes(121));
        await AssertSignedOutAsync(patient, "/my-plans");

        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.SessionExpired, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_but_not_past_its_absolute_lifetime()
    {
        var app = App();
        var patient = await SignedInAsync(app, Roles.Patient);

        for (var elapsed = 100; elapsed < 12 * 60; elapsed += 100)
        {
            clock.Advance(TimeSpan.FromMinutes(100));
            await AssertSignedInAsync(patient, "/my-plans");
        }

        clock.Advance(TimeSpan.FromMinutes(100)); // 12 h 20 min after signing in, 100 minutes after the last request
        await AssertSignedOutAsync(patient, "/my-plans");
    }

    [Fact]
    public async Task The_idle_times_and_the_lifetime_come_from_configuration()
    {
        var app = App(("Accounts:Sessions:ClinicIdleMinutes", "5"), ("Accounts:Sessions:PatientIdleMinutes", "10"), ("Accounts:Sessions:AbsoluteHours", "1"));
        var staff = await SignedInAsync(app, Roles.Admin);
        var patient = await SignedInAsync(app, Roles.Patient);

        clock.Advance(TimeSpan.FromMinutes(6));
        await AssertSignedOutAsync(staff, "/staff");
        await AssertSignedInAsync(patient, "/my-plans");
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(9));
        }

        await AssertSignedOutAsync(patient, "/my-plans");
    }

    [Theory]
    [InlineData("Accounts:Sessions:ClinicIdleMinutes", "0", "Accounts:Sessions:ClinicIdleMinutes is 0")]
    [InlineData("Accounts:Sessions:PatientIdleMinutes", "900", "would never apply")]
    public async Task Settings_that_cannot_work_stop_the_app_at_start_with_a_clear_message(string key, string value, string message)
    {
        var app = App((key, value));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_open_page_counts_as_activity_and_a_page_left_alone_is_signed_out()
    {
        var app = App();
        var staff = await SignedInAsync(app, Roles.Staff);
        var principal = await PrincipalOfLatestSignInAsync(app);
        var sessions = app.Services.GetRequiredService<AccountSessions>();

        // Working in an open page (no HTTP requests) for 50 minutes keeps the 30-minute session.
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(SessionEnd.None, await sessions.CheckAsync(principal, clock.Now.UtcDateTime));
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(SessionEnd.None, await sessions.CheckAsync(principal, clock.Now.UtcDateTime));
        await AssertSignedInAsync(staff, "/staff"); // and a reload finds the session alive

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(SessionEnd.Idle, await sessions.CheckAsync(principal, clock.Now.UtcDateTime - TimeSpan.FromMinutes(31)));
        await AssertSignedOutAsync(staff, "/staff");
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var app = App();
        var email = await app.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var here = app.NewClient();
        var elsewhere = app.NewClient();
        await here.SignInAsync(email, Forms.StrongPassword);
        await elsewhere.SignInAsync(email, Forms.StrongPassword);

        var changed = await ChangePasswordAsync(here);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await AssertSignedInAsync(here, "/my-plans");
        await AssertSignedOutAsync(elsewhere, "/my-plans");
    }

    [Fact]
    public async Task Signing_in_again_starts_a_new_session_and_a_refresh_keeps_it()
    {
        var app = App();
        var email = await app.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var client = app.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);
        // Signing in again on the same browser, while signed in (the page then also holds the menu's sign-out form).
        await client.SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Forms.StrongPassword });
        await ChangePasswordAsync(client);

        await using var db = await app.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await db.AccountSessions.CountAsync(s => s.UserId == userId, TestContext.Current.CancellationToken));
        await AssertSignedInAsync(client, "/my-plans");
    }

    [Fact]
    public async Task A_user_sees_where_they_are_signed_in_and_ends_the_other_sessions_with_their_password()
    {
        var app = App();
        var email = await app.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var here = app.NewClient();
        var elsewhere = app.NewClient();
        await here.SignInAsync(email, Forms.StrongPassword);
        await elsewhere.SignInAsync(email, Forms.StrongPassword);

        var list = await here.GetStringAsync("/Account/Manage/Sessions", TestContext.Current.CancellationToken);
        Assert.Contains("This browser", list, StringComparison.Ordinal);
        Assert.Contains("Another browser or device", list, StringComparison.Ordinal);

        var wrong = await here.SubmitFormAsync("/Account/Manage/Sessions", "end-other-sessions", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });
        Assert.Contains("That is not your password. Nothing was changed.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await AssertSignedInAsync(elsewhere, "/my-plans");

        var ended = await here.SubmitFormAsync("/Account/Manage/Sessions", "end-other-sessions", new Dictionary<string, string> { ["Input.Password"] = Forms.StrongPassword });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        await AssertSignedOutAsync(elsewhere, "/my-plans");
        await AssertSignedInAsync(here, "/my-plans");
        Assert.Contains("You are signed out of 1 other browser.", await here.GetStringAsync("/Account/Manage/Sessions", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.OtherSessionsEnded, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_admin_signs_an_account_out_everywhere_and_its_owner_can_sign_in_again()
    {
        var app = App();
        var email = await app.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var client = app.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);
        var (admin, _) = await app.CreatePrincipalAsync(Roles.Admin);
        await using var db = await app.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);

        using var scope = app.Services.CreateScope();
        var change = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SignOutEverywhereAsync(admin, userId, TestContext.Current.CancellationToken);

        Assert.True(change.Done, change.Message);
        await AssertSignedOutAsync(client, "/staff");
        await client.SignInAsync(email, Forms.StrongPassword);
        await AssertSignedInAsync(client, "/staff");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SignedOutByAdmin && a.PatientId == userId, TestContext.Current.CancellationToken));
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client) =>
        client.SubmitFormAsync("/Account/Manage", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Forms.StrongPassword,
            ["Input.NewPassword"] = "lantern meadow quietly",
            ["Input.ConfirmPassword"] = "lantern meadow quietly",
        });

    /// <summary>What the circuit of a page opened with the latest sign-in would hold as its user.</summary>
    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfLatestSignInAsync(PlannerAppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        var session = await db.AccountSessions.OrderByDescending(s => s.StartedUtc).FirstAsync();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(session.UserId))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(AccountSessions.ClaimType, session.Id));
        return principal;
    }
}
