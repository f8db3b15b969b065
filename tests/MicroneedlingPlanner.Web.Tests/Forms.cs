using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Data;
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

    /// <summary>Presses "Sign out" in the menu of the given page.</summary>
    public static Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string fromPage = "/my-plans") =>
        client.SubmitAsync(fromPage, "/Account/Logout", new Dictionary<string, string>());

    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} was refused:\n{await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A confirmed account made directly through Identity, for tests that need a signed-in role.</summary>
    public static async Task<string> CreateConfirmedUserAsync(this PlannerAppFactory factory, string role, string password)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    public const string StrongPassword = "Correct-Horse-42!";

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}
