using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using MicroneedlingPlanner.Web.Components.Account.Pages;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;

namespace MicroneedlingPlanner.Components.Tests.Account;

public sealed class AccountPagesTests(ComponentsApp app) : AccountPageTest(app)
{
    /// <summary>A labelled input inside a post form, named for the form model as a browser without script posts it.</summary>
    private static IElement Field(IRenderedComponent<IComponent> page, string id, string label, string type, string name)
    {
        Assert.Equal(label, page.Find($"label[for='{id}']").Text());
        var input = page.Find($"form[method=post] input#{id}");
        Assert.Equal(type, input.GetAttribute("type"));
        Assert.Equal(name, input.GetAttribute("name"));
        return input;
    }

    private static void AssertSubmits(IRenderedComponent<IComponent> page, string text)
    {
        var button = page.Find("form[method=post] button[type=submit]");
        Assert.Equal(text, button.Text());
    }

    [Fact]
    public void The_sign_in_page_has_labelled_email_and_password_fields_and_a_sign_in_button()
    {
        var page = RenderPage<Login>("Account/Login?returnUrl=my-plans");

        Assert.Equal("Sign in", page.Find("h1").Text());
        var email = Field(page, "email", "Email address", "email", "Input.Email");
        Assert.Equal("username", email.GetAttribute("autocomplete"));
        Assert.Equal("true", email.GetAttribute("aria-required"));
        Assert.Equal("current-password", Field(page, "password", "Password", "password", "Input.Password").GetAttribute("autocomplete"));
        Field(page, "remember", "Keep me signed in on this device", "checkbox", "Input.RememberMe");
        AssertSubmits(page, "Sign in");
        Assert.EndsWith("Account/Register?returnUrl=my-plans", page.FindAll(".account-links a").Single(a => a.Text() == "Create an account").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[role=alert]"));
    }

    [Fact]
    public void Sign_in_from_sending_a_plan_says_why_an_account_is_needed_before_the_form()
    {
        var page = RenderPage<Login>("Account/Login?returnUrl=plan%2Fsend");

        var reason = page.Find("h1 + .sending-reason");
        Assert.Equal(
            "Sign in to send your plan. With an account, the clinic can reply to you about your plan, and you can follow its status in My plans. " +
            "Your answers stay saved, so nothing is lost: after signing in, you come straight back to sending your plan.",
            Markup.Text(reason));
        Assert.EndsWith("Account/Register?returnUrl=plan%2Fsend", page.FindAll(".account-links a").Single(a => a.Text() == "Create an account").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_from_sending_a_plan_gives_the_same_reason_and_keeps_the_way_back()
    {
        var page = RenderPage<Register>("Account/Register?returnUrl=plan%2Fsend");

        Assert.Equal(
            "You need an account to send your plan. With an account, the clinic can reply to you about your plan, and you can follow its status in My plans. " +
            "Your answers stay saved, so nothing is lost. " +
            "After creating the account, open the link in the email we send you in this same browser, and you come straight back to sending your plan.",
            Markup.Text(page.Find("h1 + .sending-reason")));
        Assert.EndsWith("Account/Login?returnUrl=plan%2Fsend", page.FindAll(".account-links a").Single(a => a.Text() == "I already have an account").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_and_registration_from_elsewhere_do_not_mention_sending()
    {
        Assert.Empty(RenderPage<Login>("Account/Login?returnUrl=my-plans").FindAll(".sending-reason"));
        var register = RenderPage<Register>("Account/Register");
        Assert.Empty(register.FindAll(".sending-reason"));
        Assert.Equal("An account lets you send your plan to the clinic and come back to it later.", register.Find("h1 + p").Text());
    }

    [Fact]
    public void The_registration_page_has_labelled_fields_the_password_rules_and_a_create_button()
    {
        var page = RenderPage<Register>();

        Assert.Equal("Create an account", page.Find("h1").Text());
        Assert.Equal("username", Field(page, "email", "Email address", "email", "Input.Email").GetAttribute("autocomplete"));
        var password = Field(page, "password", "Password", "password", "Input.Password");
        Assert.Equal("new-password", password.GetAttribute("autocomplete"));
        Assert.Equal("password-hint", password.GetAttribute("aria-describedby"));
        Assert.Equal(PasswordRules.Hint, page.Find("#password-hint").Text());
        Assert.Equal("new-password", Field(page, "confirm-password", "Password again", "password", "Input.ConfirmPassword").GetAttribute("autocomplete"));
        AssertSubmits(page, "Create account");
    }

    [Fact]
    public void The_password_pages_ask_for_an_email_address()
    {
        var forgot = RenderPage<ForgotPassword>();
        Field(forgot, "email", "Email address", "email", "Input.Email");
        AssertSubmits(forgot, "Send the link");

        var resend = RenderPage<ResendEmailConfirmation>();
        Field(resend, "email", "Email address", "email", "Input.Email");
        AssertSubmits(resend, "Send the link");
    }

    [Fact]
    public void Resetting_a_password_needs_the_link_from_the_email()
    {
        var withoutCode = RenderPage<ResetPassword>("Account/ResetPassword");
        Assert.Contains("This page needs the link from the password email.", withoutCode.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Empty(withoutCode.FindAll("form"));

        var withCode = RenderPage<ResetPassword>("Account/ResetPassword?code=abc");
        Assert.Equal("abc", withCode.Find("input[type=hidden][name='Input.Code']").GetAttribute("value"));
        Field(withCode, "email", "Email address", "email", "Input.Email");
        Field(withCode, "password", "New password", "password", "Input.Password");
        Field(withCode, "confirm-password", "New password again", "password", "Input.ConfirmPassword");
        AssertSubmits(withCode, "Change my password");
    }

    [Fact]
    public async Task The_development_confirmation_link_confirms_the_new_account()
    {
        var user = await CreateUserAsync(Roles.Patient, emailConfirmed: false);

        var sent = RenderPage<RegisterConfirmation>($"Account/RegisterConfirmation?userId={user.Id}");
        var link = (await sent.WaitForElementAsync("a#confirm-link")).GetAttribute("href")!;
        Assert.Contains("Account/ConfirmEmail?", link, StringComparison.Ordinal);

        var confirmed = RenderPage<ConfirmEmail>(link);

        await confirmed.WaitForAssertionAsync(() => Assert.Equal("Thank you: your email address is confirmed.", confirmed.Find("[role=status]").Text()));
        Assert.True((await AppService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.ApplicationUser>>().FindByIdAsync(user.Id))!.EmailConfirmed);
    }

    [Fact]
    public void An_incomplete_confirmation_link_says_so_and_offers_a_new_one()
    {
        // Without a code the page answers before any lookup. (An unknown user id made the page's
        // lookup stall about one run in eight under bUnit, with the page unchanged either way.)
        var page = RenderPage<ConfirmEmail>("Account/ConfirmEmail?userId=nobody");

        Assert.Contains("This confirmation link does not work", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal("Account/ResendEmailConfirmation", page.Find("[role=alert] a").GetAttribute("href"));
    }

    [Fact]
    public async Task The_account_page_names_the_signed_in_user_and_offers_a_password_change()
    {
        var user = await CreateUserAsync(Roles.Patient);
        SignInRequest(user);

        var page = RenderPage<Manage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(user.Email, page.Find("p strong").Text()));
        Field(page, "current-password", "Current password", "password", "Input.CurrentPassword");
        Field(page, "password", "New password", "password", "Input.NewPassword");
        Field(page, "confirm-password", "New password again", "password", "Input.ConfirmPassword");
        Assert.Equal(["Save my details", "Change password"], page.FindAll("form[method=post] button[type=submit]").Select(b => b.Text()));
    }

    [Fact]
    public async Task The_account_page_offers_the_name_and_phone_the_clinic_uses_filled_from_the_profile()
    {
        var user = await CreateUserAsync(Roles.Patient);
        // Through the same scope's user manager, which the page reads (its context still tracks the new user).
        (user.PreferredName, user.ContactPhone) = ("Sam Okafor", "020 7946 0958");
        Assert.True((await AppService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.ApplicationUser>>().UpdateAsync(user)).Succeeded);
        SignInRequest(user);

        var page = RenderPage<Manage>();

        await page.WaitForAssertionAsync(() => Assert.Equal("Sam Okafor", page.Find("#preferred-name").GetAttribute("value")));
        Field(page, "preferred-name", "Your name", "text", "Details.PreferredName");
        Assert.Equal("020 7946 0958", Field(page, "contact-phone", "Phone number (optional)", "tel", "Details.ContactPhone").GetAttribute("value"));
    }

    [Fact]
    public void Lockout_and_access_denied_explain_themselves_as_alerts()
    {
        var lockout = RenderPage<Lockout>();
        Assert.Contains("This account is locked", lockout.Find("[role=alert]").Text(), StringComparison.Ordinal);
        // Both ways an account gets locked are explained: wrong attempts (15 minutes) and an admin (until unlocked).
        Assert.Contains("locked for 15 minutes", lockout.Markup, StringComparison.Ordinal);
        Assert.Contains("until an administrator unlocks it", lockout.Markup, StringComparison.Ordinal);
        Assert.Single(lockout.FindAll("a[href='Account/ForgotPassword']"));

        var denied = RenderPage<AccessDenied>();
        Assert.Contains("does not have access", denied.Find("[role=alert]").Text(), StringComparison.Ordinal);
    }
}
