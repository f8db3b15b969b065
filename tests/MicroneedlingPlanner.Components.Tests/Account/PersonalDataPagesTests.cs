using AngleSharp.Dom;
using MicroneedlingPlanner.Web.Components.Account.Pages.DataRights;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.DataRights;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Components.Tests.Account;

/// <summary>"Your data": the download form and the deletion form, as they render and as the deletion refuses a wrong password.</summary>
public sealed class PersonalDataPagesTests(ComponentsApp app) : AccountPageTest(app)
{
    private const string Password = "Correct-Horse-42!";

    private static readonly TimeSpan DatabaseWait = TimeSpan.FromSeconds(15);

    private async Task<ApplicationUser> PatientAsync(bool twoFactor = false)
    {
        var user = await CreateUserAsync(Roles.Patient);
        Assert.True((await AppService<UserManager<ApplicationUser>>().AddPasswordAsync(user, Password)).Succeeded);
        if (twoFactor)
        {
            await TestAuthenticator.EnableAsync(App.Factory.Services, user);
        }

        SignInRequest(user);
        return user;
    }

    [Fact]
    public async Task The_page_downloads_by_a_posted_form_that_carries_the_draft_token_and_links_to_deletion()
    {
        var user = await PatientAsync();

        var page = RenderPage<PersonalData>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("a.button-danger")), DatabaseWait);
        Assert.Equal("Your data", page.Find("h1").Text());
        var form = page.Find("form[method=post]");
        Assert.Equal(DataRightsSetup.DownloadPath.TrimStart('/'), form.GetAttribute("action"));
        var token = form.QuerySelector("input[type=hidden][name=draftToken]");
        Assert.NotNull(token);
        Assert.True(token.HasAttribute("data-draft-token"), "planner.js fills in only inputs marked data-draft-token.");
        Assert.Equal("Download my data", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Equal("Account/Manage/DeletePersonalData", page.Find("a.button-danger").GetAttribute("href"));
        // Nothing about the patient in any address on the page.
        Assert.DoesNotContain(page.FindAll("[href], [action]"), e => (e.GetAttribute("href") ?? e.GetAttribute("action"))!.Contains(user.Id, StringComparison.Ordinal)
            || (e.GetAttribute("href") ?? e.GetAttribute("action"))!.Contains(user.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Staff_can_download_but_are_told_an_admin_closes_their_account()
    {
        var staff = await CreateUserAsync(Roles.Staff);
        SignInRequest(staff);

        var page = RenderPage<PersonalData>();

        await page.WaitForAssertionAsync(() => Assert.Contains("Clinic accounts are closed by an administrator", page.Markup, StringComparison.Ordinal), DatabaseWait);
        Assert.Empty(page.FindAll("a.button-danger"));
        Assert.Single(page.FindAll("form[method=post]"));
    }

    [Fact]
    public async Task The_deletion_form_asks_for_the_password_and_the_code_when_two_factor_sign_in_is_on()
    {
        await PatientAsync(twoFactor: true);

        var page = RenderPage<DeletePersonalData>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("input#code")), DatabaseWait);
        Assert.Equal("Your password, to confirm it is you", page.Find("label[for=password]").Text());
        Assert.Equal("current-password", page.Find("input#password").GetAttribute("autocomplete"));
        Assert.Equal("Code from your authenticator app", page.Find("label[for=code]").Text());
        Assert.Equal("one-time-code", page.Find("input#code").GetAttribute("autocomplete"));
        Assert.True(page.Find("input[type=hidden][name='Input.DraftToken']").HasAttribute("data-draft-token"));
        Assert.Equal("Delete my account and data", page.Find("form[method=post] button[type=submit].button-danger").Text());
        Assert.Contains("This cannot be undone.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_two_factor_sign_in_only_the_password_is_asked()
    {
        await PatientAsync();

        var page = RenderPage<DeletePersonalData>();

        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("input#password")), DatabaseWait);
        Assert.Empty(page.FindAll("input#code"));
    }

    [Fact]
    public async Task A_wrong_password_deletes_nothing_and_says_so()
    {
        var user = await PatientAsync();
        var page = RenderPage<DeletePersonalData>();
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("input#password")), DatabaseWait);

        page.Find("input#password").Change("not my password");
        await page.Find("form[method=post]").SubmitAsync();

        await page.WaitForAssertionAsync(() => Assert.Equal("Error: that password is not right. Nothing was deleted.", page.Find("[role=alert]").Text()), DatabaseWait);
        await using var db = await App.Factory.CreateDbContextAsync();
        Assert.True(await db.Users.AnyAsync(u => u.Id == user.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_empty_password_is_asked_for_beside_its_field()
    {
        await PatientAsync();
        var page = RenderPage<DeletePersonalData>();
        await page.WaitForAssertionAsync(() => Assert.Single(page.FindAll("input#password")), DatabaseWait);

        await page.Find("form[method=post]").SubmitAsync();

        await page.WaitForAssertionAsync(() => Assert.Equal("Enter your password to confirm it is you.", page.Find(".field-error").Text()), DatabaseWait);
    }
}
