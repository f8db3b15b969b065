using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Components.Account.Shared;
using Microsoft.AspNetCore.Components;

namespace MicroneedlingPlanner.Components.Tests.Account;

public sealed class AccountSharedTests(ComponentsApp app) : AccountPageTest(app)
{
    private IRenderedComponent<StatusMessage> RenderMessage(string? message)
    {
        Request.RequestServices = AppServices;
        return Render<StatusMessage>(p => p.Add(s => s.Message, message).AddCascadingValue(Request));
    }

    [Fact]
    public void An_error_message_is_an_alert_and_other_news_is_a_status()
    {
        var error = RenderMessage("Error: that email address and password do not match an account.");
        var news = RenderMessage("Your password has been changed.");

        Assert.Equal("Error: that email address and password do not match an account.", error.Find("[role=alert].status-error").Text());
        Assert.Equal("Your password has been changed.", news.Find("[role=status].status-info").Text());
        Assert.Empty(news.FindAll("[role=alert]"));
    }

    [Fact]
    public void Without_a_message_nothing_is_shown()
    {
        Assert.Empty(RenderMessage(null).Markup.Trim());
    }

    [Fact]
    public void A_message_carried_across_a_redirect_is_shown_once_and_its_cookie_removed()
    {
        // Encoded as Response.Cookies.Append encodes it when IdentityRedirectManager sets it.
        Request.Request.Headers.Cookie = $"{IdentityRedirectManager.StatusCookieName}={Uri.EscapeDataString("Error: the link has expired.")}";

        var message = RenderMessage(null);

        Assert.Equal("Error: the link has expired.", message.Find("[role=alert]").Text());
        var removal = Assert.Single(Request.Response.Headers.SetCookie);
        Assert.StartsWith($"{IdentityRedirectManager.StatusCookieName}=;", removal, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", removal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_out_visitor_is_sent_to_sign_in_and_then_back()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("my-plans/42");

        Render<RedirectToLogin>();

        Assert.Equal("Account/Login?returnUrl=my-plans%2F42", navigation.ToBaseRelativePath(navigation.Uri));
        Assert.True(Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().History.First().Options.ForceLoad);
    }
}
