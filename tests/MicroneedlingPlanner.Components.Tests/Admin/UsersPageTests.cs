using MicroneedlingPlanner.Web.Components.Pages.Admin;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Components.Tests.Admin;

public sealed class UsersPageTests(ComponentsApp app) : ComponentTest(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<IRenderedComponent<UsersPage>> SearchAsync(string text)
    {
        var page = Render<UsersPage>();
        await page.Find("#user-search").ChangeAsync(new ChangeEventArgs { Value = text });
        await page.Find("form.user-search").SubmitAsync();
        return page;
    }

    [Fact]
    public async Task Admins_find_accounts_by_part_of_the_email_or_the_name_and_see_their_state()
    {
        var named = await CreateUserAsync(Roles.Patient);
        await using (var db = await App.Factory.CreateDbContextAsync())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == named.Id, Cancel);
            stored.PreferredName = "Philippa Quennell";
            await db.SaveChangesAsync(Cancel);
        }

        var staff = await CreateUserAsync(Roles.Staff);
        SignIn(await CreateUserAsync(Roles.Admin), Roles.Admin);

        var byName = await SearchAsync("quennell");
        await byName.WaitForAssertionAsync(() => Assert.Single(byName.FindAll("tbody tr.mud-table-row")));
        Assert.Contains(named.Email!, byName.Markup, StringComparison.Ordinal);
        Assert.Contains("Philippa Quennell", byName.Markup, StringComparison.Ordinal);
        Assert.Contains("Two-factor sign-in off", byName.Markup, StringComparison.Ordinal);
        Assert.Contains("Can sign in", byName.Markup, StringComparison.Ordinal);

        var byEmail = await SearchAsync(staff.Email![..20].ToUpperInvariant());
        await byEmail.WaitForAssertionAsync(() => Assert.Contains(staff.Email!, byEmail.Markup, StringComparison.Ordinal));
        Assert.Single(byEmail.FindAll("tbody tr.mud-table-row"));
        Assert.Contains("Staff", byEmail.Find("tbody tr.mud-table-row").TextContent, StringComparison.Ordinal);
        Assert.Single(byEmail.FindAll($"button[aria-label='Remove the Staff role from {staff.Email}']"));
    }

    [Fact]
    public async Task Taking_the_admin_role_from_the_last_unlocked_admin_is_refused_with_the_reason_shown()
    {
        var admin = await CreateUserAsync(Roles.Admin);
        await LockEveryAdminButAsync(admin.Id);
        SignIn(admin, Roles.Admin);

        var page = await SearchAsync(admin.Email!);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll($"button[aria-label='Remove the Admin role from {admin.Email}']")));
        await page.Find($"button[aria-label='Remove the Admin role from {admin.Email}']").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Equal(UserAdministration.LastAdminMessage, page.Find("#change-message[role=alert]").TextContent.Trim()));
        // Still an admin: the button still offers to remove the role.
        Assert.Single(page.FindAll($"button[aria-label='Remove the Admin role from {admin.Email}']"));
        await page.Find($"button[aria-label='Lock {admin.Email}']").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Assert.Contains("Can sign in", page.Find("tbody tr.mud-table-row").TextContent, StringComparison.Ordinal));
        Assert.Equal(UserAdministration.LastAdminMessage, page.Find("#change-message[role=alert]").TextContent.Trim());
    }

    [Fact]
    public async Task Signing_an_account_out_everywhere_ends_its_sessions_and_says_so()
    {
        var staff = await CreateUserAsync(Roles.Staff);
        var sessions = AppService<AccountSessions>();
        await sessions.StartAsync(staff.Id);
        SignIn(await CreateUserAsync(Roles.Admin), Roles.Admin);

        var page = await SearchAsync(staff.Email!);
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll($"button[aria-label='Sign {staff.Email} out everywhere']")), TimeSpan.FromSeconds(15));
        await page.Find($"button[aria-label='Sign {staff.Email} out everywhere']").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Assert.Contains("is signed out everywhere, and can sign in again", page.Find("#change-message").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        await using var db = await App.Factory.CreateDbContextAsync();
        Assert.False(await db.AccountSessions.AnyAsync(s => s.UserId == staff.Id && s.EndedUtc == null, Cancel));
    }

    [Fact]
    public async Task An_invitation_to_an_address_with_an_account_says_so_and_keeps_the_address_typed()
    {
        var patient = await CreateUserAsync(Roles.Patient);
        SignIn(await CreateUserAsync(Roles.Admin), Roles.Admin);
        var page = Render<UsersPage>();

        await page.Find("#invite-email").ChangeAsync(new ChangeEventArgs { Value = patient.Email });
        await page.Find("form.user-invite").SubmitAsync();

        await page.WaitForAssertionAsync(() => Assert.Contains($"There is already an account for {patient.Email}", page.Find("#invite-message[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(patient.Email, page.Find("#invite-email").GetAttribute("value"));
    }

    [Fact]
    public async Task An_invitation_creates_a_staff_account_with_no_password_and_clears_the_box()
    {
        SignIn(await CreateUserAsync(Roles.Admin), Roles.Admin);
        var email = $"new-staff-{Guid.NewGuid():N}@planner.test";
        var page = Render<UsersPage>();

        await page.Find("#invite-email").ChangeAsync(new ChangeEventArgs { Value = email });
        await page.Find("form.user-invite").SubmitAsync();

        await page.WaitForAssertionAsync(() => Assert.Contains($"{email} has been invited as staff", page.Find("#invite-message[role=status]").TextContent, StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(page.Find("#invite-email").GetAttribute("value")));
        await using var db = await App.Factory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email, Cancel);
        Assert.Null(user.PasswordHash);
        Assert.True(await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Staff), Cancel));
    }

    private async Task LockEveryAdminButAsync(string keep)
    {
        await using var db = await App.Factory.CreateDbContextAsync();
        var others = await db.Users
            .Where(u => u.Id != keep && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)))
            .ToListAsync(Cancel);
        foreach (var user in others)
        {
            user.LockoutEnd = UserAdministration.LockedUntil;
        }

        await db.SaveChangesAsync(Cancel);
    }
}
