using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>
/// The admins' user management over real PostgreSQL, in an environment that seeds nothing (so the
/// tests know every admin there is), with account emails kept in an outbox.
/// </summary>
[Collection(UserAdministrationOnPostgres.Name)]
public sealed partial class UserAdministrationTests(UserAdministrationAppFixture app)
{
    private const string ExportCsv = "/staff/recalls/export.csv?from=2026-01-01&to=2027-01-01";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ClaimsPrincipal AdminPrincipal(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));

    private async Task<(ApplicationUser User, ClaimsPrincipal Principal)> NewAdminAsync()
    {
        var admin = await UserAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Admin, Forms.StrongPassword));
        return (admin, AdminPrincipal(admin.Id));
    }

    private async Task<ApplicationUser> UserAsync(string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The service as a circuit gets it: from a scope of its own.</summary>
    private async Task<T> WithAdministrationAsync<T>(Func<UserAdministration, Task<T>> use)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    [Fact]
    public async Task A_role_taken_away_ends_the_signed_in_session_at_its_next_request()
    {
        var (_, admin) = await NewAdminAsync();
        var staffEmail = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var staff = await UserAsync(staffEmail);
        var client = app.Factory.NewClient();
        await client.SignInAsync(staffEmail, Forms.StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", Cancel)).StatusCode);

        var change = await WithAdministrationAsync(users => users.SetRoleAsync(admin, staff.Id, Roles.Staff, give: false, Cancel));

        Assert.True(change.Done, change.Message);
        var next = await client.GetAsync("/staff", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/Account/Login", next.Headers.Location!.AbsolutePath);

        // Signed in again, the account has lost the staff area.
        await client.SignInAsync(staffEmail, Forms.StrongPassword);
        var again = await client.GetAsync("/staff", Cancel);
        Assert.Equal("/Account/AccessDenied", again.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_lock_ends_the_signed_in_session_at_its_next_request_and_refuses_sign_in_until_unlocked()
    {
        var (_, admin) = await NewAdminAsync();
        var staffEmail = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var staff = await UserAsync(staffEmail);
        var client = app.Factory.NewClient();
        await client.SignInAsync(staffEmail, Forms.StrongPassword);

        var locked = await WithAdministrationAsync(users => users.LockAsync(admin, staff.Id, Cancel));

        Assert.True(locked.Done, locked.Message);
        var next = await client.GetAsync("/staff", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/Account/Login", next.Headers.Location!.AbsolutePath);
        var signIn = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = staffEmail, ["Input.Password"] = Forms.StrongPassword });
        Assert.Equal("/Account/Lockout", signIn.Headers.Location!.AbsolutePath);

        var unlocked = await WithAdministrationAsync(users => users.UnlockAsync(admin, staff.Id, Cancel));

        Assert.True(unlocked.Done, unlocked.Message);
        await client.SignInAsync(staffEmail, Forms.StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_last_unlocked_admin_can_neither_lose_the_role_nor_be_locked()
    {
        var (only, admin) = await NewAdminAsync();
        await LockEveryAdminButAsync(only.Id);

        var removed = await WithAdministrationAsync(users => users.SetRoleAsync(admin, only.Id, Roles.Admin, give: false, Cancel));
        var locked = await WithAdministrationAsync(users => users.LockAsync(admin, only.Id, Cancel));

        Assert.False(removed.Done);
        Assert.Equal(UserAdministration.LastAdminMessage, removed.Message);
        Assert.False(locked.Done);
        Assert.Equal(UserAdministration.LastAdminMessage, locked.Message);
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == only.Id, Cancel);
            Assert.Null(stored.LockoutEnd);
            Assert.Equal(only.SecurityStamp, stored.SecurityStamp);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.PatientId == only.Id && a.Action.StartsWith(AuditActions.AccountPrefix), Cancel));
        }

        // With a second admin, the first may step down.
        var (second, _) = await NewAdminAsync();
        var stepDown = await WithAdministrationAsync(users => users.SetRoleAsync(admin, only.Id, Roles.Admin, give: false, Cancel));
        Assert.True(stepDown.Done, stepDown.Message);
        await LockEveryAdminButAsync(second.Id);
    }

    [Fact]
    public async Task Two_admins_removing_each_other_at_once_leave_one_admin()
    {
        var (first, firstPrincipal) = await NewAdminAsync();
        var (second, secondPrincipal) = await NewAdminAsync();
        await LockEveryAdminButAsync(first.Id, second.Id);

        var both = await Task.WhenAll(
            WithAdministrationAsync(users => users.SetRoleAsync(firstPrincipal, second.Id, Roles.Admin, give: false, Cancel)),
            WithAdministrationAsync(users => users.SetRoleAsync(secondPrincipal, first.Id, Roles.Admin, give: false, Cancel)));

        Assert.Single(both, c => c.Done);
        Assert.Single(both, c => !c.Done && c.Message == UserAdministration.LastAdminMessage);
    }

    [Fact]
    public async Task Every_change_is_audited_by_account_id_without_the_email()
    {
        var (adminUser, admin) = await NewAdminAsync();
        var patient = await UserAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword));

        await WithAdministrationAsync(users => users.SetRoleAsync(admin, patient.Id, Roles.Staff, give: true, Cancel));
        await WithAdministrationAsync(users => users.SetRoleAsync(admin, patient.Id, Roles.Admin, give: true, Cancel));
        await WithAdministrationAsync(users => users.SetRoleAsync(admin, patient.Id, Roles.Admin, give: false, Cancel));
        await WithAdministrationAsync(users => users.LockAsync(admin, patient.Id, Cancel));
        await WithAdministrationAsync(users => users.UnlockAsync(admin, patient.Id, Cancel));

        await using var db = await app.Factory.CreateDbContextAsync();
        var rows = await db.AuditEntries.Where(a => a.PatientId == patient.Id).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(
            [AuditActions.StaffRoleGranted, AuditActions.AdminRoleGranted, AuditActions.AdminRoleRemoved, AuditActions.Locked, AuditActions.Unlocked],
            rows.Select(r => r.Action));
        Assert.All(rows, r =>
        {
            Assert.Equal(adminUser.Id, r.UserId);
            Assert.Equal(Roles.Admin, r.Role);
            Assert.DoesNotContain(patient.Email!, AuditLog.Canonical(r), StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Services_refuse_anyone_but_an_admin_with_two_factor_sign_in()
    {
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "staff-user"), new Claim(ClaimTypes.Role, Roles.Staff), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));
        var adminWithoutTwoFactor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "admin-user"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

        foreach (var user in new[] { staff, adminWithoutTwoFactor })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithAdministrationAsync(users => users.SearchAsync(user, null, 0, 25, Cancel)));
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => WithAdministrationAsync(users => users.LockAsync(user, "anyone", Cancel)));
        }

        Assert.Throws<UnauthorizedAccessException>(() => Roles.RequireStaff(adminWithoutTwoFactor));
    }

    [Theory]
    [InlineData(Roles.Staff, "/staff")]
    [InlineData(Roles.Staff, "/staff/recalls")]
    [InlineData(Roles.Staff, ExportCsv)]
    [InlineData(Roles.Admin, "/admin")]
    [InlineData(Roles.Admin, "/admin/users")]
    [InlineData(Roles.Admin, "/staff")]
    public async Task Clinic_accounts_without_two_factor_reach_no_clinic_page_or_endpoint_and_are_sent_to_set_it_up(string role, string page)
    {
        var email = await app.Factory.CreateConfirmedUserAsync(role, Forms.StrongPassword, twoFactor: false);
        var client = app.Factory.NewClient();

        var signedIn = await client.SignInAsync(email, Forms.StrongPassword);
        Assert.Equal(TwoFactorAccount.SetupPath, PathOf(signedIn));

        var response = await client.GetAsync(page, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TwoFactorAccount.SetupPath, PathOf(response));
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(page), new Uri(Site, response.Headers.Location!).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invited_staff_member_chooses_a_password_sets_up_two_factor_and_reaches_the_staff_area()
    {
        var (adminUser, admin) = await NewAdminAsync();
        var email = $"invited-{Guid.NewGuid():N}@planner.test";

        var invited = await WithAdministrationAsync(users => users.InviteStaffAsync(admin, email, Cancel));

        Assert.True(invited.Done, invited.Message);
        var user = await UserAsync(email);
        var link = app.Outbox.LastLink(nameof(Outbox.SendPasswordResetLinkAsync), user.Id);
        Assert.StartsWith("http://localhost/Account/AcceptInvitation?", link, StringComparison.Ordinal);
        Assert.DoesNotContain("invited-", link, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("userId=" + user.Id, link, StringComparison.Ordinal);
        Assert.Null(user.PasswordHash);
        Assert.False(user.EmailConfirmed);

        var client = app.Factory.NewClient();
        var accepted = await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = Forms.StrongPassword, ["Input.ConfirmPassword"] = Forms.StrongPassword });
        Assert.Contains("Your password is set.", await accepted.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        // The link works once: a password is set.
        var again = await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "Another-Horse-43!", ["Input.ConfirmPassword"] = "Another-Horse-43!" });
        Assert.Contains("This invitation link does not work", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var signedIn = await client.SignInAsync(email, Forms.StrongPassword);
        Assert.Equal(TwoFactorAccount.SetupPath, PathOf(signedIn));
        var setupPage = await client.GetStringAsync(signedIn.Headers.Location, Cancel);
        var key = AuthenticatorKey().Match(setupPage).Groups["key"].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);

        var wrong = await client.SubmitFormAsync(TwoFactorAccount.SetupPath, "enable-authenticator", new Dictionary<string, string> { ["Input.Code"] = "000000" == TestAuthenticator.Code(key) ? "111111" : "000000" });
        var wrongHtml = await wrong.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("that code does not match the key", wrongHtml, StringComparison.Ordinal);

        var enabled = await client.SubmitFormAsync(TwoFactorAccount.SetupPath, "enable-authenticator", new Dictionary<string, string> { ["Input.Code"] = TestAuthenticator.Code(key) });
        var html = await enabled.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Your recovery codes", html, StringComparison.Ordinal);
        Assert.Equal(TwoFactorAccount.RecoveryCodeCount, RecoveryCode().Count(html));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff", Cancel)).StatusCode);

        await using var db = await app.Factory.CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(a => a.PatientId == user.Id).OrderBy(a => a.Id).Select(a => new { a.Action, a.UserId }).ToListAsync(Cancel);
        Assert.Equal(
            [new { Action = AuditActions.StaffInvited, UserId = adminUser.Id }, new { Action = AuditActions.InvitationAccepted, UserId = user.Id },
             new { Action = AuditActions.SignedIn, UserId = user.Id }, new { Action = AuditActions.TwoFactorCodeRefused, UserId = user.Id }, new { Action = AuditActions.TwoFactorEnabled, UserId = user.Id }],
            actions);
    }

    [Fact]
    public async Task An_invitation_to_an_address_with_an_account_says_so_and_sends_nothing()
    {
        var (_, admin) = await NewAdminAsync();
        var existing = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);

        var invited = await WithAdministrationAsync(users => users.InviteStaffAsync(admin, existing.ToUpperInvariant(), Cancel));
        var malformed = await WithAdministrationAsync(users => users.InviteStaffAsync(admin, "not an address", Cancel));

        Assert.False(invited.Done);
        Assert.Contains("There is already an account for", invited.Message, StringComparison.Ordinal);
        var existingId = (await UserAsync(existing)).Id;
        Assert.Throws<InvalidOperationException>(() => app.Outbox.LastLink(nameof(Outbox.SendPasswordResetLinkAsync), existingId));
        Assert.Equal("Enter an email address like name@example.com.", malformed.Message);
    }

    [Fact]
    public async Task Outside_development_nothing_is_seeded_and_the_development_key_is_never_stored()
    {
        await using var db = await app.Factory.CreateDbContextAsync();

        Assert.False(await db.Users.AnyAsync(u => u.Email == DevelopmentAccounts.StaffAccount.Email || u.Email == DevelopmentAccounts.AdminAccount.Email, Cancel));
        Assert.False(await db.UserTokens.AnyAsync(t => t.Value == DevelopmentAccounts.AuthenticatorKey, Cancel));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DevelopmentAccounts.SeedAsync(app.Factory.Services));
        Assert.False(await db.Users.AnyAsync(u => u.Email == DevelopmentAccounts.StaffAccount.Email, Cancel));
    }

    private static readonly Uri Site = new("http://localhost/");

    /// <summary>The path a redirect goes to; Identity's pages give absolute addresses, the cookie handler relative ones.</summary>
    private static string PathOf(HttpResponseMessage response) => new Uri(Site, response.Headers.Location!).AbsolutePath;

    /// <summary>Locks every admin but these, so the test knows exactly who the unlocked admins are.</summary>
    private async Task LockEveryAdminButAsync(params string[] keep)
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(Cancel);
        var others = await db.Users.Where(u => !keep.Contains(u.Id) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole)).ToListAsync(Cancel);
        foreach (var user in others)
        {
            user.LockoutEnd = UserAdministration.LockedUntil;
        }

        await db.SaveChangesAsync(Cancel);
    }

    [GeneratedRegex("""id="authenticator-key">(?<key>[^<]+)<""")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("""<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>""")]
    private static partial Regex RecoveryCode();
}

/// <summary>The app as in production: no development accounts, mail to an outbox.</summary>
public sealed class UserAdministrationAppFixture(PostgresServer server) : PostgresAppFixture(server)
{
    public Outbox Outbox { get; } = new();

    protected override string Environment => "Production";

    protected override Task StartAppAsync()
    {
        Factory.With(Outbox);
        return base.StartAppAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UserAdministrationOnPostgres : ICollectionFixture<UserAdministrationAppFixture>
{
    public const string Name = "User administration on PostgreSQL";
}
