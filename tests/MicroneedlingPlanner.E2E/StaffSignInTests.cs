using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Features.Accounts;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

public sealed class StaffSignInTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Seeded_staff_signs_in_uses_the_interactive_menu_and_reaches_the_staff_area()
    {
        var shell = new AppShell(Page);
        await new LoginPage(Page).SignInAsync(DevelopmentAccounts.StaffAccount.Email, DevelopmentAccounts.StaffAccount.Password);
        await shell.WaitUntilInteractiveAsync();

        // The toggle only works over the circuit: the menu closing proves the page is live.
        await shell.MenuToggle.ClickAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await shell.MenuToggle.ClickAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "true");

        await shell.OpenFromMenuAsync("Staff area");

        await Expect(shell.Heading).ToHaveTextAsync("Staff area");
        await Expect(shell.Menu.GetByRole(AriaRole.Link, new() { Name = "Admin area" })).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("staff-area") });
    }

    [Fact]
    [Trait("Category", Artifacts.ReadmePictures)]
    public async Task Anonymous_visitors_see_the_patient_introduction_and_no_staff_links()
    {
        var shell = new AppShell(Page);
        await Page.GotoAsync("");

        await Expect(shell.Heading).ToContainTextAsync("Plan your microneedling");
        await Expect(Page.GetByText("It is a proposal, not a prescription.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Results do not last for ever.")).ToBeVisibleAsync();
        await Expect(shell.Menu.GetByRole(AriaRole.Link, new() { Name = "Staff area" })).ToHaveCountAsync(0);
        await Page.ScreenshotAsync(new() { Path = Artifacts.ReadmePicturePath("home") });

        await Page.SetViewportSizeAsync(360, 740);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Start my plan" })).ToBeInViewportAsync();
        await Page.ScreenshotAsync(new() { Path = Artifacts.ReadmePicturePath("home-phone") });
    }
}
