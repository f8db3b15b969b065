using MicroneedlingPlanner.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace MicroneedlingPlanner.Components.Tests.Layout;

public sealed class MainLayoutTests(ComponentsApp app) : ComponentTest(app)
{
    private IRenderedComponent<MainLayout> RenderLayout()
    {
        JSInterop.SetupVoid("planner.resetMenu");
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"page\">The page</p>"))));
    }

    // The menu itself is worked by planner.js (so it also works on the static account pages);
    // the browser tests in LayoutTests open and close it. Here: the live layout hands it over.
    [Fact]
    public void The_live_layout_asks_planner_js_once_to_describe_the_menu_it_has_just_replaced()
    {
        var layout = RenderLayout();

        JSInterop.VerifyInvoke("planner.resetMenu", calledTimes: 1);
        var toggle = layout.Find("[data-menu-toggle]");
        Assert.Equal("button", toggle.TagName, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Show or hide the menu", toggle.GetAttribute("aria-label"));
        Assert.NotNull(toggle.Closest("[data-menu-root]"));

        layout.Render();
        JSInterop.VerifyInvoke("planner.resetMenu", calledTimes: 1);
    }

    [Fact]
    public void The_page_sits_in_the_main_landmark_that_the_skip_link_and_the_ready_marker_point_at()
    {
        var layout = RenderLayout();

        Assert.Equal("#main-content", layout.Find("a.skip-link").GetAttribute("href"));
        var main = layout.Find("main#main-content");
        Assert.Equal("The page", main.QuerySelector("#page")!.TextContent);
        Assert.Equal("yes", main.GetAttribute("data-interactive"));
        Assert.Equal("app-drawer", layout.Find("[data-menu-toggle]").GetAttribute("aria-controls"));
        Assert.NotNull(layout.Find("aside#app-drawer nav"));
    }
}
