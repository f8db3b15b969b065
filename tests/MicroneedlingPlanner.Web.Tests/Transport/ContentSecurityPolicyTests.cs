using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace MicroneedlingPlanner.Web.Tests.Transport;

/// <summary>Every response carries the Content Security Policy, with a nonce of its own that the page's inline script carries.</summary>
[Collection(ApiOnPostgres.Name)]
public sealed partial class ContentSecurityPolicyTests(PostgresAppFixture app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plan/questions")]
    [InlineData("/Account/Login")]
    public async Task A_page_carries_the_policy_and_its_import_map_carries_the_nonce_of_that_response(string path)
    {
        var client = app.Factory.NewClient();

        var first = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var second = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var nonces = new List<string>();
        foreach (var response in new[] { first, second })
        {
            var policy = Assert.Single(response.Content.Headers.Concat(response.Headers).Where(h => h.Key == "Content-Security-Policy").SelectMany(h => h.Value));
            var directives = Directives(policy);
            Assert.Equal("'self'", directives["default-src"]);
            Assert.Equal("'none'", directives["object-src"]);
            Assert.Equal("'self'", directives["base-uri"]);
            Assert.Equal("'self'", directives["form-action"]);
            Assert.Equal("'none'", directives["frame-ancestors"]);
            Assert.DoesNotContain("unsafe", directives["script-src"], StringComparison.Ordinal);
            var nonce = Assert.Single(NonceSource().Matches(directives["script-src"])).Groups[1].Value;
            Assert.True(WebEncoders.Base64UrlDecode(nonce).Length >= 16, $"The nonce {nonce} is shorter than 128 bits.");

            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
            Assert.NotEmpty(inline);
            Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
            nonces.Add(nonce);
        }

        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Theory]
    [InlineData("/api/rules/current", HttpStatusCode.OK)]
    [InlineData("/api/no-such-endpoint", HttpStatusCode.NotFound)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/staff", HttpStatusCode.Redirect)]
    public async Task Other_responses_carry_the_policy_too(string path, HttpStatusCode status)
    {
        var response = await app.Factory.NewClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("'nonce-([A-Za-z0-9_-]+)'")]
    private static partial Regex NonceSource();

    /// <summary>Script elements with no src: the ones a nonce must let through.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
