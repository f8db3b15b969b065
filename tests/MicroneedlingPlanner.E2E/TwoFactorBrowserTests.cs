using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>Two-factor sign-in for the clinic, and the admins' users page, in a browser; axe checks each page at 1280 and 360 px.</summary>
public sealed class TwoFactorBrowserTests(BrowserFixture app) : BrowserTest(app)
{
    private readonly List<string> found = [];

    [Fact]
    public async Task Seeded_staff_signs_in_with_a_code_from_the_development_key_and_reaches_the_staff_area()
    {
        var login = new LoginPage(Page);
        var shell = new AppShell(Page);
        await login.SubmitPasswordAsync(DevelopmentAccounts.StaffAccount.Email, DevelopmentAccounts.StaffAccount.Password);

        await Expect(shell.Heading).ToHaveTextAsync("Enter your sign-in code");
        await CheckAsync("sign-in code at 1280 px");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("2fa-sign-in-1280"), FullPage = true });
        await Page.SetViewportSizeAsync(360, 740);
        await CheckAsync("sign-in code at 360 px");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("2fa-sign-in-360"), FullPage = true });

        // A wrong code is refused in words and stays in the box.
        var wrong = TestAuthenticator.Code(DevelopmentAccounts.AuthenticatorKey) == "000000" ? "111111" : "000000";
        await Page.GetByLabel("Code from your app").FillAsync(wrong);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("that code is not the one your app shows now");
        await Expect(Page.GetByLabel("Code from your app")).ToHaveValueAsync(wrong);

        await login.EnterCodeAsync(TestAuthenticator.Code(DevelopmentAccounts.AuthenticatorKey));
        await Page.SetViewportSizeAsync(1280, 900);
        await Page.GotoAsync("staff");
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Staff area");
        AssertNoneFound();
    }

    [Fact]
    public async Task A_new_staff_member_without_two_factor_is_sent_to_set_it_up_and_then_reaches_the_staff_area()
    {
        var email = await NewStaffWithoutTwoFactorAsync();
        var shell = new AppShell(Page);
        await new LoginPage(Page).SubmitPasswordAsync(email, Password);

        // Typing the address of a staff page leads back to the set-up.
        await Page.GotoAsync("staff");
        await Expect(shell.Heading).ToHaveTextAsync("Set up two-factor sign-in");
        await Expect(Page.GetByText("Staff and admin accounts must sign in with a second step.")).ToBeVisibleAsync();
        await CheckAsync("set-up at 1280 px");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("2fa-setup-1280"), FullPage = true });
        await Page.SetViewportSizeAsync(360, 740);
        await CheckAsync("set-up at 360 px");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("2fa-setup-360"), FullPage = true });
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();

        // The person's app: it is given the key as the page shows it, in groups of four.
        var key = await Page.Locator("#authenticator-key").InnerTextAsync();
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        await Page.GetByLabel("Code from your app").FillAsync(TestAuthenticator.Code(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".recovery-codes li")).ToHaveCountAsync(TwoFactorAccount.RecoveryCodeCount);
        await CheckAsync("recovery codes at 360 px");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("2fa-recovery-codes-360"), FullPage = true });
        await Page.SetViewportSizeAsync(1280, 900);
        await CheckAsync("recovery codes at 1280 px");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Continue to the page you asked for" }).ClickAsync();
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Staff area");
        AssertNoneFound();
    }

    [Fact]
    public async Task The_users_page_and_the_account_page_have_no_accessibility_violations()
    {
        var shell = new AppShell(Page);
        await new LoginPage(Page).SignInAsync(DevelopmentAccounts.AdminAccount.Email, DevelopmentAccounts.AdminAccount.Password);

        foreach (var width in new[] { 1280, 360 })
        {
            await Page.SetViewportSizeAsync(width, 900);
            await Page.GotoAsync("admin/users");
            await shell.WaitUntilInteractiveAsync();
            await Expect(Page.Locator(".user-grid tbody tr.mud-table-row").First).ToBeVisibleAsync();
            await Page.GetByLabel("Part of an email address or name").FillAsync("planner.test");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await CheckAsync($"users at {width} px");
            await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath($"admin-users-{width}"), FullPage = true });

            await Page.GetByLabel("Their email address").FillAsync(DevelopmentAccounts.StaffAccount.Email);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await Expect(Page.Locator("#invite-message")).ToContainTextAsync("There is already an account for");
            await CheckAsync($"users with a refused invitation at {width} px");

            await Page.GotoAsync("Account/Manage");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
            await CheckAsync($"account page at {width} px");
            await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath($"account-2fa-{width}"), FullPage = true });
        }

        AssertNoneFound();
    }

    private const string Password = "Correct-Horse-42!";

    private async Task<string> NewStaffWithoutTwoFactorAsync()
    {
        using var scope = App.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"staff-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Staff)).Succeeded);
        return email;
    }

    private async Task CheckAsync(string where) =>
        found.AddRange((await Accessibility.ViolationsAsync(Page)).Select(v => $"{where}: {v}"));

    private void AssertNoneFound() => Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
}
