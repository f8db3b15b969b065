using MicroneedlingPlanner.Web.Components;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;

namespace MicroneedlingPlanner.Components.Tests.Pages;

/// <summary>The router: which page an address shows, in the layout, and who may see it.</summary>
public sealed class RoutesTests(ComponentsApp app) : ComponentTest(app)
{
    private IRenderedComponent<Routes> Visit(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<Routes>();
    }

    [Fact]
    public async Task A_page_is_shown_inside_the_layout()
    {
        var routes = Visit("");

        Assert.Equal("Plan your microneedling before you see the clinic", (await routes.WaitForElementAsync("main#main-content h1")).Text());
        Assert.NotNull(routes.Find("aside#app-drawer nav"));
    }

    [Fact]
    public void A_signed_out_visitor_asking_for_their_plans_is_sent_to_sign_in()
    {
        Visit("my-plans");

        Assert.Equal("Account/Login?returnUrl=my-plans", CurrentPage());
    }

    [Fact]
    public async Task A_patient_asking_for_the_staff_area_is_told_it_is_not_theirs()
    {
        await SignInAsPatientAsync();

        var routes = Visit("staff");

        Assert.Equal("Your account does not have access to this page.", (await routes.WaitForElementAsync("main [role=alert]")).Text());
        Assert.DoesNotContain("Plans that patients submit", routes.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_reach_the_staff_area()
    {
        SignIn(await CreateUserAsync(Roles.Staff), Roles.Staff);

        var routes = Visit("staff");

        Assert.Equal("Staff area", (await routes.WaitForElementAsync("main h1")).Text());
    }
}
