using System.Security.Claims;
using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests;

/// <summary>Drives the app's static-rendered forms the way a browser without script would.</summary>
internal static partial class Forms
{
    public static HttpClient NewClient(this PlannerAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs the page, then posts its form with the hidden fields it rendered plus <paramref name="fields"/>.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string path, IDictionary<string, string> fields) =>
        client.SubmitAsync(path, path, fields);

    /// <summary>GETs <paramref name="page"/>, then posts to <paramref name="action"/> the hidden fields the page rendered plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>GETs the page, then posts the one form named <paramref name="formName"/> (pages for signed-in users also hold the menu's sign-out form).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string page, string formName, IDictionary<string, string> fields)
    {
        var response = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var form = FormTag().Matches(html).Select(m => m.Value).Single(f => f.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal));
        var values = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        return await client.PostAsync(page, new FormUrlEncodedContent(values));
    }

    /// <summary>Presses "Sign out" in the menu of the given page.</summary>
    public static Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string fromPage = "/my-plans") =>
        client.SubmitAsync(fromPage, "/Account/Logout", new Dictionary<string, string>());

    /// <summary>Signs in with the password and, when the account asks for it, a code from <see cref="TestAuthenticator"/>.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} was refused:\n{await response.Content.ReadAsStringAsync()}");
        if (response.Headers.Location?.OriginalString.Contains("Account/LoginWith2fa", StringComparison.Ordinal) == true)
        {
            var page = response.Headers.Location.OriginalString;
            var key = TestAuthenticator.KeyFor(email);
            response = await client.SubmitAsync(page, page, new Dictionary<string, string> { ["Input.Code"] = TestAuthenticator.Code(key) });
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // Outside Development a code signs in once (SingleUseAuthenticatorTokenProvider): a second
                // sign-in within the same 30 seconds gives the code the app will show next.
                response = await client.SubmitAsync(page, page, new Dictionary<string, string> { ["Input.Code"] = TestAuthenticator.CodeAt(key, DateTime.UtcNow.AddSeconds(30)) });
            }
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The two-factor code for {email} was refused:\n{await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    /// <summary>
    /// A confirmed account made directly through Identity, for tests that need a signed-in role.
    /// Staff and admin accounts get two-factor sign-in with <see cref="TestAuthenticator.Key"/>
    /// unless <paramref name="twoFactor"/> is false, as their roles need it.
    /// </summary>
    public static async Task<string> CreateConfirmedUserAsync(this PlannerAppFactory factory, string role, string password, bool twoFactor = true)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (twoFactor && Roles.NeedingTwoFactor.Contains(role))
        {
            await TestAuthenticator.EnableAsync(factory.Services, user);
        }

        return email;
    }

    /// <summary>A new confirmed account and the principal its sign-in carries (with the two-factor claim for clinic roles), for calling services directly.</summary>
    public static async Task<(ClaimsPrincipal Principal, string Id)> CreatePrincipalAsync(this PlannerAppFactory factory, string role)
    {
        var email = await factory.CreateConfirmedUserAsync(role, StrongPassword);
        using var scope = factory.Services.CreateScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role)];
        if (Roles.NeedingTwoFactor.Contains(role))
        {
            claims.Add(new(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue));
        }

        return (new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), id);
    }

    public const string StrongPassword = "Correct-Horse-42!";

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}
