using System.Net;
using System.Text.RegularExpressions;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>A patient who presses "Send my plan" without an account is told why one is needed, on sign-in and on registration.</summary>
[Collection(AccountsOnPostgres.Name)]
public sealed partial class SignInToSendTests(PostgresAppFixture app)
{
    [Fact]
    public async Task Arriving_from_sending_sign_in_and_registration_say_why_an_account_is_needed_and_keep_the_way_back()
    {
        var client = app.Factory.NewClient();

        var send = await client.GetAsync("/plan/send");
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        var login = await client.GetStringAsync(send.Headers.Location!.PathAndQuery);

        Assert.Contains("Sign in to send your plan.", login, StringComparison.Ordinal);
        Assert.Contains("the clinic can reply to you about your plan, and you can follow its status in My plans", login, StringComparison.Ordinal);
        Assert.Contains("Your answers stay saved, so nothing is lost: after signing in, you come straight back to sending your plan.", login, StringComparison.Ordinal);
        var register = await client.GetStringAsync(LinkNamed(login, "Create an account"));

        Assert.Contains("You need an account to send your plan.", register, StringComparison.Ordinal);
        Assert.Contains("open the link in the email we send you in this same browser, and you come straight back to sending your plan", register, StringComparison.Ordinal);
        Assert.Equal("/plan/send", ReturnUrlOf(LinkNamed(login, "Create an account")));
        Assert.Equal("/plan/send", ReturnUrlOf(LinkNamed(register, "I already have an account")));
    }

    [Fact]
    public async Task Sign_in_from_anywhere_else_does_not_talk_about_sending()
    {
        var client = app.Factory.NewClient();

        var login = await client.GetStringAsync("/Account/Login?returnUrl=my-plans");
        var register = await client.GetStringAsync("/Account/Register");

        Assert.DoesNotContain("sending-reason", login, StringComparison.Ordinal);
        Assert.DoesNotContain("sending-reason", register, StringComparison.Ordinal);
        Assert.Contains("An account lets you send your plan to the clinic and come back to it later.", register, StringComparison.Ordinal);
    }

    private static string? ReturnUrlOf(string link) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost/"), link).Query)["returnUrl"].SingleOrDefault();

    private static string LinkNamed(string html, string text)
    {
        var match = Regex.Match(html, $"<a href=\"(?<href>[^\"]+)\">{Regex.Escape(text)}</a>");
        Assert.True(match.Success, $"No link named '{text}'.");
        return WebUtility.HtmlDecode(match.Groups["href"].Value);
    }
}
