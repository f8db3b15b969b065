using System.Diagnostics;
using MicroneedlingPlanner.Web.Components.Pages;
using MicroneedlingPlanner.Web.Components.Pages.Admin;
using MicroneedlingPlanner.Web.Components.Pages.Staff;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace MicroneedlingPlanner.Components.Tests.Pages;

/// <summary>The pages with little more than text: home, not found, error, and the staff and admin placeholders.</summary>
public sealed class SimplePagesTests(ComponentsApp app) : ComponentTest(app)
{
    [Fact]
    public void The_home_page_explains_the_plan_and_its_limits_to_visitors()
    {
        var home = Render<Home>();

        Assert.Equal("Plan your microneedling before you see the clinic", home.Find("h1").Text());
        Assert.Equal(["What the plan is, and what it is not", "How it works"], home.FindAll("h2").Select(h => h.Text()));
        Assert.Contains("not a prescription", home.Markup, StringComparison.Ordinal);
        Assert.Empty(home.FindAll(".staff-hint"));
    }

    [Fact]
    public async Task The_home_page_points_staff_to_their_area()
    {
        SignIn(await CreateUserAsync(Roles.Staff), Roles.Staff);

        var home = Render<Home>();

        Assert.Equal("staff", home.Find(".staff-hint a").GetAttribute("href"));
    }

    [Fact]
    public void The_not_found_page_says_so_and_links_home()
    {
        var page = Render<NotFound>();

        Assert.Equal("Page not found", page.Find("h1").Text());
        Assert.Equal("", page.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void The_error_page_reassures_and_quotes_the_requests_reference()
    {
        // The reference comes from the current activity when there is one; this test wants the request's.
        Activity.Current = null;
        var request = new DefaultHttpContext { TraceIdentifier = "0HN-TRACE:00000001" };

        var page = Render<Error>(p => p.AddCascadingValue<HttpContext>(request));

        Assert.Contains("Nothing you saved has been lost.", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal("0HN-TRACE:00000001", page.Find("code").Text());
    }

    [Theory]
    [InlineData(typeof(StaffHome), "Staff area", Roles.StaffOrAdmin)]
    [InlineData(typeof(AdminHome), "Admin area", Roles.Admin)]
    [InlineData(typeof(UsersPage), "Users", Roles.Admin)]
    public void The_clinic_areas_are_limited_to_their_roles_and_introduce_themselves(Type page, string heading, string roles)
    {
        Assert.Equal(roles, Assert.Single(page.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>()).Roles);

        // The staff queue asks its service, which checks the role again.
        Authorization.SetAuthorized("clinic@planner.test");
        Authorization.SetRoles(roles.Split(',')[^1]);
        Authorization.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "clinic-user"),
            new System.Security.Claims.Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue));
        var rendered = Render(b => { b.OpenComponent(0, page); b.CloseComponent(); });

        Assert.Equal(heading, rendered.Find("h1").Text());
        Assert.NotEmpty(rendered.Find("p").Text());
    }
}
