using MicroneedlingPlanner.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

public sealed class LayoutTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task On_a_phone_the_menu_starts_closed_and_opens_and_closes_on_a_static_account_page()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var shell = new AppShell(Page);
        await Page.GotoAsync("Account/Login");

        // The sign-in page has no circuit: only planner.js can work the menu here.
        await Expect(shell.Menu).ToBeHiddenAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "false");

        await shell.MenuToggle.ClickAsync();
        await Expect(shell.Menu).ToBeVisibleAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(shell.Menu.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToBeInViewportAsync();

        await shell.MenuToggle.ClickAsync();
        await Expect(shell.Menu).ToBeHiddenAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task On_a_phone_choosing_a_page_from_the_menu_closes_it_on_a_live_page()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var shell = new AppShell(Page);
        await Page.GotoAsync("");
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.Menu).ToBeHiddenAsync();

        await shell.MenuToggle.ClickAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await shell.OpenFromMenuAsync("Make my plan");

        await Expect(Page.Locator("#step-heading")).ToBeVisibleAsync();
        await Expect(shell.Menu).ToBeHiddenAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Page.GetByText("Step 1 of 5: Your skin")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_window_narrowed_to_phone_width_hides_the_menu_and_Escape_closes_it_there()
    {
        var shell = new AppShell(Page);
        await Page.GotoAsync("plan/questions");
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "true");

        await Page.SetViewportSizeAsync(360, 740);
        await Expect(shell.Menu).ToBeHiddenAsync();
        await Expect(shell.MenuToggle).ToHaveAttributeAsync("aria-expanded", "false");

        await shell.MenuToggle.ClickAsync();
        await Expect(shell.Menu).ToBeVisibleAsync();
        await Page.Keyboard.PressAsync("Escape");
        await Expect(shell.Menu).ToBeHiddenAsync();
        await Expect(shell.MenuToggle).ToBeFocusedAsync();
    }
}
