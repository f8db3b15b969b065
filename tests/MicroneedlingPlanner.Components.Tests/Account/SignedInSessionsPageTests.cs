using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Account.Pages;
using MicroneedlingPlanner.Web.Features.Accounts;

namespace MicroneedlingPlanner.Components.Tests.Account;

/// <summary>"Where you are signed in": this browser first, the others after, and a password-guarded way to end them.</summary>
public sealed class SignedInSessionsPageTests(ComponentsApp app) : AccountPageTest(app)
{
    [Fact]
    public async Task The_page_lists_this_browser_first_and_asks_for_the_password_to_end_the_others()
    {
        var user = await CreateUserAsync(Roles.Patient);
        var sessions = AppService<AccountSessions>();
        await sessions.StartAsync(user.Id);
        var current = await sessions.StartAsync(user.Id);
        SignInRequest(user);
        ((ClaimsIdentity)Request.User.Identity!).AddClaim(new(AccountSessions.ClaimType, current));

        var page = RenderPage<SignedInSessions>();

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll(".session-list li").Count), TimeSpan.FromSeconds(15));
        Assert.Equal(["This browser", "Another browser or device"], page.FindAll(".session-list li strong").Select(s => s.TextContent));
        Assert.Contains("after 120 minutes without use", page.Find("section").TextContent, StringComparison.Ordinal);
        var password = page.Find("#password");
        Assert.Equal("Your password", page.Find("label[for=password]").TextContent);
        Assert.Equal(("password", "Input.Password"), (password.GetAttribute("type"), password.GetAttribute("name")));
        Assert.Null(password.GetAttribute("value"));
        Assert.Equal("Sign out everywhere else", page.Find("form[method=post] button[type=submit]").TextContent);
    }

    [Fact]
    public async Task With_one_sign_in_there_is_nothing_to_end()
    {
        var user = await CreateUserAsync(Roles.Patient);
        var current = await AppService<AccountSessions>().StartAsync(user.Id);
        SignInRequest(user);
        ((ClaimsIdentity)Request.User.Identity!).AddClaim(new(AccountSessions.ClaimType, current));

        var page = RenderPage<SignedInSessions>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll(".session-list li")), TimeSpan.FromSeconds(15));
        Assert.Empty(page.FindAll("form[method=post]"));
    }
}
