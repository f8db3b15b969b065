using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Features.Accounts;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

[Collection(AccountsOnPostgres.Name)]
public sealed partial class SignInOutTests(PostgresAppFixture app)
{
    private const string AuthCookie = "planner.auth";

    [Theory]
    [InlineData("/my-plans?note=ü", "/my-plans?note=ü")]
    [InlineData("plan/crème", "/plan/crème")]
    [InlineData("my-plans?note=ü 日本", "/my-plans?note=ü 日本")]
    [InlineData("http://localhost/plan/crème", "/plan/crème")]
    public async Task Signing_in_with_a_non_ascii_return_url_goes_back_there(string returnUrl, string expected)
    {
        var client = app.Factory.NewClient();
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);

        var response = await client.SubmitAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Forms.StrongPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Kestrel refuses to send a header with non-ASCII characters and answers 500 instead; the test server lets it through, so the header is checked here.
        var location = Assert.Single(response.Headers.NonValidated["Location"]);
        Assert.True(location.All(char.IsAscii), $"The Location header is not ASCII: {location}");
        var target = new Uri(location);
        Assert.Equal("localhost", target.Host);
        Assert.Equal(expected, Uri.UnescapeDataString(target.PathAndQuery));
    }

    [Theory]
    [InlineData("//attacker.example/x")]
    [InlineData("https://attacker.example/")]
    [InlineData("/\\attacker.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Signing_in_never_leaves_the_site(string returnUrl)
    {
        var client = app.Factory.NewClient();
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);

        var response = await client.SubmitAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Forms.StrongPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri && location.Host == "localhost", $"Sent to {location}");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_a_copied_cookie_stops_working()
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword), Forms.StrongPassword);
        var copied = await CopyAuthCookieAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/my-plans", copied)).StatusCode);

        var signOut = await client.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var replay = await GetWithCookieAsync("/my-plans", copied);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/Account/Login", replay.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Checking_the_session_on_every_request_does_not_send_the_cookie_again()
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword), Forms.StrongPassword);

        var page = await client.GetAsync("/my-plans");

        // A cookie renewed on every response lets a late response bring back a cookie the browser had just dropped.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var setCookies = page.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(setCookies, c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_without_an_antiforgery_token_is_refused_and_keeps_the_session()
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword), Forms.StrongPassword);

        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.StartsWith("You are still signed in", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my-plans")).StatusCode);
    }

    /// <summary>The sign-in cookie as someone who copied it from the browser would replay it.</summary>
    private static async Task<string> CopyAuthCookieAsync(HttpClient client)
    {
        // The client's cookie container is not reachable from outside, so the cookie is read back from a request it sent.
        var probe = await client.GetAsync("/my-plans");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        var header = probe.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? string.Join("; ", values) : "";
        var match = AuthCookiePattern().Match(header);
        Assert.True(match.Success, $"No {AuthCookie} cookie was sent: '{header}'");
        return match.Value;
    }

    private Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        var stranger = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return stranger.SendAsync(request);
    }

    [GeneratedRegex(AuthCookie + "=[^;]+")]
    private static partial Regex AuthCookiePattern();
}
