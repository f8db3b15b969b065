using MicroneedlingPlanner.Web.Components.Layout;
using MicroneedlingPlanner.Web.Features.Accounts;

namespace MicroneedlingPlanner.Components.Tests.Layout;

public sealed class NavMenuTests(ComponentsApp app) : ComponentTest(app)
{
    private List<string> Links()
    {
        var menu = Render<NavMenu>();
        Assert.Equal("Main", menu.Find("nav").GetAttribute("aria-label"));
        // The staff entry's count of waiting plans depends on what other tests stored, and it may arrive in a
        // later render; its own test is below. Read each entry's text without it, from a copy.
        return [.. menu.FindAll("a, button").Select(WithoutCount)];
    }

    private static string WithoutCount(AngleSharp.Dom.IElement entry)
    {
        var copy = (AngleSharp.Dom.IElement)entry.Clone();
        foreach (var count in copy.QuerySelectorAll(".nav-count"))
        {
            count.Remove();
        }

        return copy.TextContent.Trim();
    }

    [Fact]
    public void Visitors_are_offered_the_planner_and_an_account()
    {
        Assert.Equal(["Home", "Make my plan", "Sign in", "Create an account"], Links());
    }

    [Fact]
    public async Task A_patient_finds_their_plans_account_and_sign_out_but_no_staff_area()
    {
        await SignInAsPatientAsync();

        Assert.Equal(["Home", "Make my plan", "My plans", "Your account", "Sign out"], Links());
    }

    [Theory]
    [InlineData(Roles.Staff, new[] { "Staff area", "Maintenance recalls" })]
    [InlineData(Roles.Admin, new[] { "Staff area", "Maintenance recalls", "Admin area", "Treatment rules", "Users", "Audit log" })]
    public async Task Clinic_staff_see_the_areas_their_role_allows(string role, string[] areas)
    {
        SignIn(await CreateUserAsync(role), role);

        Assert.Equal(["Home", "Make my plan", .. areas, "My plans", "Your account", "Sign out"], Links());
    }

    [Fact]
    public async Task Signing_out_posts_a_form_to_the_logout_endpoint()
    {
        await SignInAsPatientAsync();

        var form = Render<NavMenu>().Find("form.nav-form");

        Assert.Equal("Account/Logout", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
    }

    [Fact]
    public async Task Staff_see_how_many_sent_plans_wait_for_review_beside_the_staff_area()
    {
        var patient = await SignInAsPatientAsync();
        await SendAsync(patient, MicroneedlingPlanner.Testing.SampleAnswers.AcneScars(Today.AddDays(10)));
        SignIn(await CreateUserAsync(Roles.Staff), Roles.Staff);

        var count = await Render<NavMenu>().WaitForElementAsync("a[href='staff'] .nav-count");

        Assert.Matches(@"^[1-9]\d* new plans? waiting for review$", count.Text());
    }
}
