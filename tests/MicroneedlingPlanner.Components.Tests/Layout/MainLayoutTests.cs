using MicroneedlingPlanner.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace MicroneedlingPlanner.Components.Tests.Layout;

public sealed class MainLayoutTests(ComponentsApp app) : ComponentTest(app)
{
    private IRenderedComponent<MainLayout> RenderLayout(bool wideScreen)
    {
        JSInterop.Setup<bool>("planner.isWideScreen").SetResult(wideScreen);
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page\">The page</p>"))));
    }

    private static (string Expanded, string Shell) Menu(IRenderedComponent<MainLayout> layout) =>
        (layout.Find("[data-menu-toggle]").GetAttribute("aria-expanded")!, layout.Find("[data-menu-root]").ClassName!);

    [Fact]
    public async Task On_a_wide_screen_the_menu_starts_open_and_the_toggle_closes_and_reopens_it()
    {
        var layout = RenderLayout(wideScreen: true);

        await layout.WaitForAssertionAsync(() => Assert.Equal("true", Menu(layout).Expanded));
        Assert.Contains("menu-open", Menu(layout).Shell, StringComparison.Ordinal);
        JSInterop.VerifyInvoke("planner.isWideScreen");

        await layout.Find("[data-menu-toggle]").PressAsync();
        Assert.Equal("false", Menu(layout).Expanded);
        Assert.Contains("menu-closed", Menu(layout).Shell, StringComparison.Ordinal);
        Assert.DoesNotContain("menu-open", Menu(layout).Shell, StringComparison.Ordinal);

        await layout.Find("[data-menu-toggle]").PressAsync();
        Assert.Equal("true", Menu(layout).Expanded);
        Assert.Contains("menu-open", Menu(layout).Shell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_phone_the_menu_starts_closed_and_choosing_a_page_closes_it_again()
    {
        var layout = RenderLayout(wideScreen: false);
        await layout.WaitForAssertionAsync(() => Assert.Equal("false", Menu(layout).Expanded));
        Assert.Contains("menu-closed", Menu(layout).Shell, StringComparison.Ordinal);

        await layout.Find("[data-menu-toggle]").PressAsync();
        Assert.Equal("true", Menu(layout).Expanded);

        Services.GetRequiredService<NavigationManager>().NavigateTo("plan/questions");
        await layout.WaitForAssertionAsync(() => Assert.Equal("false", Menu(layout).Expanded));
        Assert.Contains("menu-closed", Menu(layout).Shell, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_sits_in_the_main_landmark_that_the_skip_link_and_the_ready_marker_point_at()
    {
        var layout = RenderLayout(wideScreen: true);

        Assert.Equal("#main-content", layout.Find("a.skip-link").GetAttribute("href"));
        var main = layout.Find("main#main-content");
        Assert.Equal("The page", main.QuerySelector("#page")!.TextContent);
        Assert.Equal("yes", main.GetAttribute("data-interactive"));
        Assert.Equal("app-drawer", layout.Find("[data-menu-toggle]").GetAttribute("aria-controls"));
        Assert.NotNull(layout.Find("aside#app-drawer nav"));
    }
}
