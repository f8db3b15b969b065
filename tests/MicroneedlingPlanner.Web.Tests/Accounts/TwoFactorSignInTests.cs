using System.Net;
using System.Reflection;
using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>Two-factor sign-in over HTTP: recovery codes, who may turn it off, and what an open circuit rechecks.</summary>
[Collection(AccountsOnPostgres.Name)]
public sealed class TwoFactorSignInTests(PostgresAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<ApplicationUser> UserAsync(string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<IReadOnlyList<string>> RecoveryCodesAsync(string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!];
    }

    private static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email) =>
        await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Forms.StrongPassword });

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_audited()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var code = (await RecoveryCodesAsync(email))[0];
        var client = app.Factory.NewClient();

        var password = await PasswordStepAsync(client, email);
        Assert.Equal("/Account/LoginWith2fa", password.Headers.Location!.AbsolutePath);
        var signedIn = await client.SubmitAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", Cancel)).StatusCode);

        var other = app.Factory.NewClient();
        await PasswordStepAsync(other, email);
        var again = await other.SubmitAsync("/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("that recovery code is not one of yours, or it has been used already", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var id = (await UserAsync(email)).Id;
        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.Equal(
            [AuditActions.PasswordAccepted, AuditActions.RecoveryCodeUsed, AuditActions.PasswordAccepted, AuditActions.TwoFactorCodeRefused],
            await db.AuditEntries.Where(a => a.UserId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Cancel));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_keeping_it_typed_and_the_second_step_needs_the_first()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Admin, Forms.StrongPassword);
        var client = app.Factory.NewClient();
        var wrong = TestAuthenticator.Code(TestAuthenticator.Key) == "123456" ? "654321" : "123456";

        Assert.Contains("Your sign-in has timed out or has not started", await client.GetStringAsync("/Account/LoginWith2fa", Cancel), StringComparison.Ordinal);
        await PasswordStepAsync(client, email);
        var refused = await client.SubmitAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = wrong });

        var html = await refused.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("that code is not the one your app shows now", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{wrong}\"", html, StringComparison.Ordinal);
        Assert.Equal("/Account/Login", (await client.GetAsync("/admin", Cancel)).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Patients_may_turn_two_factor_off_but_staff_may_not()
    {
        var staffEmail = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var staff = app.Factory.NewClient();
        await staff.SignInAsync(staffEmail, Forms.StrongPassword);
        var patientEmail = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        await TestAuthenticator.EnableAsync(app.Factory.Services, await UserAsync(patientEmail));
        var patient = app.Factory.NewClient();
        await patient.SignInAsync(patientEmail, Forms.StrongPassword);

        var staffPage = await staff.GetStringAsync("/Account/Manage/Disable2fa", Cancel);
        Assert.Contains("Staff and admin accounts must keep two-factor sign-in on.", staffPage, StringComparison.Ordinal);
        // The page offers staff no form; the service refuses them too, whoever calls it.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.False(await scope.ServiceProvider.GetRequiredService<TwoFactorAccount>().DisableAsync((await users.FindByEmailAsync(staffEmail))!));
        }

        var turnedOff = await patient.SubmitFormAsync("/Account/Manage/Disable2fa", "disable-2fa", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, turnedOff.StatusCode);
        Assert.True((await UserAsync(staffEmail)).TwoFactorEnabled);
        Assert.False((await UserAsync(patientEmail)).TwoFactorEnabled);
        // The patient's sign-in was made again, so it goes on working after the change of stamp.
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/my-plans", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_open_circuit_rechecks_the_account_every_minute_and_drops_a_locked_one()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
        Assert.True(Roles.IsStaff(principal));
        var sessions = scope.ServiceProvider.GetRequiredService<AccountSessions>();
        ((ClaimsIdentity)principal.Identity!).AddClaim(new(AccountSessions.ClaimType, await sessions.StartAsync(principal.FindFirstValue(ClaimTypes.NameIdentifier)!)));
        var provider = new IdentityRevalidatingAuthenticationStateProvider(
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>(),
            scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(),
            scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>(),
            sessions,
            new SessionActivity(TimeProvider.System));

        Assert.Equal(TimeSpan.FromMinutes(1), Interval(provider));
        Assert.True(await ValidateAsync(provider, principal));

        // A lock written without a new stamp (as Identity's own lock-out after failed attempts) is still caught.
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var stored = await db.Users.SingleAsync(u => u.Email == email, Cancel);
            stored.LockoutEnd = UserAdministration.LockedUntil;
            await db.SaveChangesAsync(Cancel);
        }

        Assert.False(await ValidateAsync(provider, principal));
    }

    private static TimeSpan Interval(IdentityRevalidatingAuthenticationStateProvider provider) =>
        (TimeSpan)typeof(IdentityRevalidatingAuthenticationStateProvider).GetProperty("RevalidationInterval", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(provider)!;

    private static Task<bool> ValidateAsync(IdentityRevalidatingAuthenticationStateProvider provider, ClaimsPrincipal principal) =>
        (Task<bool>)typeof(IdentityRevalidatingAuthenticationStateProvider).GetMethod("ValidateAuthenticationStateAsync", BindingFlags.NonPublic | BindingFlags.Instance)!
            .Invoke(provider, [new AuthenticationState(principal), CancellationToken.None])!;
}
