using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Security;

/// <summary>
/// Walks every endpoint the app maps and asks each for every principal of <see cref="AuthorizationMatrix"/>,
/// over HTTP with real sign-in cookies, on PostgreSQL.
/// </summary>
[Collection(AuthorizationMatrixOnPostgres.Name)]
public sealed class AuthorizationMatrixTests(AuthorizationMatrixFixture app)
{
    /// <summary>
    /// Endpoints the framework maps for itself, which need no row: each rule says why. A rule that
    /// matches nothing fails <see cref="Each_rule_for_framework_endpoints_still_matches_something"/>,
    /// so none lingers after the framework changes.
    /// </summary>
    private static readonly IReadOnlyList<(string Rule, Func<RouteEndpoint, bool> Matches)> FrameworkEndpoints =
    [
        // MapStaticAssets: the build's public files (CSS, images, our scripts and Blazor's framework
        // script _framework/blazor.web.js), the same for everyone and holding no data.
        ("static assets", e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null),
        // MapStaticAssets' fallback for files added after start-up, mapped when the app runs from its
        // build output (as here and under `dotnet run`) and not when published: it serves only public files.
        ("static assets' build-output fallback", e => e.RoutePattern.RawText == "{**path:file}" && e.DisplayName == "Fallback {**path:file}"),
        // The circuit's SignalR hub and its helpers (/_blazor, negotiate, disconnect, initializers).
        // A circuit shows only what its page shows: the page's [Authorize] is checked again when the
        // circuit renders it (AuthorizeRouteView), and the services check the user on every call.
        ("Blazor's circuit hub", e => e.RoutePattern.RawText?.StartsWith("/_blazor", StringComparison.Ordinal) == true
            && (e.Metadata.GetMetadata<HubMetadata>() is not null || e.RoutePattern.RawText is "/_blazor/disconnect/" or "/_blazor/initializers/")),
        // Blazor's helper that turns a redirect during enhanced navigation into a full-page one: it holds no data.
        ("Blazor's opaque redirect", e => e.RoutePattern.RawText == "/_framework/opaque-redirect"),
    ];

    public static TheoryData<string, Principal> Cases()
    {
        var cases = new TheoryData<string, Principal>();
        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var principal in Enum.GetValues<Principal>())
            {
                cases.Add(row.Endpoint, principal);
            }
        }

        return cases;
    }

    [Fact]
    public void Every_endpoint_of_the_app_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = AppEndpoints().Where(e => !FrameworkEndpoints.Any(rule => rule.Matches(e))).Select(KeyOf).ToHashSet();
        var rows = AuthorizationMatrix.Rows.Select(r => r.Endpoint).ToList();

        Assert.Equal(rows.Count, rows.Distinct().Count());
        var missing = mapped.Except(rows).Order().ToList();
        var stale = rows.Except(mapped).Order().ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Endpoints with no row in AuthorizationMatrix: [{string.Join(", ", missing)}]. Rows with no endpoint: [{string.Join(", ", stale)}].");
    }

    [Fact]
    public void Each_rule_for_framework_endpoints_still_matches_something()
    {
        var endpoints = AppEndpoints();

        Assert.All(FrameworkEndpoints, rule => Assert.True(endpoints.Any(rule.Matches), $"The rule for {rule.Rule} matches no endpoint."));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_principal_gets_what_the_matrix_states(string endpoint, Principal principal)
    {
        var row = AuthorizationMatrix.Rows.Single(r => r.Endpoint == endpoint);
        var expected = row.For(principal);

        var (request, response) = await SendAsync(row, principal);

        AssertOutcome(row, expected, $"{principal} asking for {request}", response);
        // A page's form posts go to the same endpoint, so they are refused before any form handling
        // (and before the antiforgery check, which would otherwise answer 400 first).
        if (expected is Outcome.SignIn or Outcome.Denied && row.Endpoint.StartsWith("GET,POST ", StringComparison.Ordinal))
        {
            var post = await app.ClientOf(principal).PostAsync(request, new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
            AssertOutcome(row, expected, $"{principal} posting to {request}", post);
        }

        // Nothing of patient A's reaches the anonymous visitor or patient B, whatever the answer, nor anyone in a refusal.
        if (principal is Principal.Anonymous or Principal.PatientB || expected is not (Outcome.Allowed or Outcome.Redirected))
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.False(body.Contains(app.ReferenceOfPatientA, StringComparison.Ordinal), $"{principal} got patient A's plan reference from {request}.");
            Assert.False(body.Contains(app.EmailOf(Principal.PatientA), StringComparison.OrdinalIgnoreCase), $"{principal} got patient A's email address from {request}.");
        }
    }

    private static void AssertOutcome(MatrixRow row, Outcome expected, string asking, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var location = response.Headers.Location is { } to ? new Uri(new Uri("http://localhost/"), to).AbsolutePath : null;
        var what = $"{asking}: expected {expected}, got {(int)status} {location}";
        switch (expected)
        {
            case Outcome.Allowed:
                Assert.True(status == HttpStatusCode.OK, what);
                break;
            case Outcome.Redirected:
                Assert.True(status == HttpStatusCode.Redirect && location == row.RedirectsTo, what);
                break;
            case Outcome.SignIn:
                Assert.True(status == HttpStatusCode.Redirect && location == "/Account/Login", what);
                break;
            case Outcome.Denied:
                Assert.True(status == HttpStatusCode.Redirect && location == "/Account/AccessDenied", what);
                break;
            case Outcome.NotFound:
                Assert.True(status == HttpStatusCode.NotFound, what);
                break;
        }
    }

    private List<RouteEndpoint> AppEndpoints()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        // Every endpoint the app maps is routed; one that is not could not be listed by pattern.
        Assert.All(endpoints, e => Assert.IsType<RouteEndpoint>(e));
        return endpoints.Cast<RouteEndpoint>().ToList();
    }

    private static string KeyOf(RouteEndpoint endpoint) =>
        $"{(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { } methods ? string.Join(",", methods) : "ANY")} {endpoint.RoutePattern.RawText}";

    /// <summary>Presses "Download my data" (its form's own token), or for the anonymous posts with no token at all.</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, Principal principal)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (principal != Principal.Anonymous)
        {
            var html = await client.GetStringAsync("/Account/Manage/PersonalData", TestContext.Current.CancellationToken);
            var form = System.Text.RegularExpressions.Regex.Match(html, """<form method="post" action="Account/Manage/DownloadPersonalData">.*?</form>""", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
            var token = System.Text.RegularExpressions.Regex.Match(form, """name="__RequestVerificationToken" value="(?<value>[^"]+)" """.Trim()).Groups["value"].Value;
            fields.Add(new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token)));
        }

        return await client.PostAsync("/Account/Manage/DownloadPersonalData", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    private async Task<(string Request, HttpResponseMessage Response)> SendAsync(MatrixRow row, Principal principal)
    {
        var request = row.Request.Replace("{planA}", app.PlanOfPatientA.ToString(), StringComparison.Ordinal);
        var response = request switch
        {
            // Posted with the antiforgery token of a page with one form: the menu's sign-out, or for the anonymous the sign-in form.
            "POST /Account/Logout" => await app.SignOutAndBackInAsync(principal, fromPage: principal == Principal.Anonymous ? "/Account/Login" : "/my-plans"),
            "POST /Account/Manage/DownloadPersonalData" => await DownloadAsync(app.ClientOf(principal), principal),
            "POST /api/plans/preview" => await app.ClientOf(principal).PostAsync("/api/plans/preview", app.PreviewBody(), TestContext.Current.CancellationToken),
            _ => await app.ClientOf(principal).GetAsync(request, TestContext.Current.CancellationToken),
        };
        return (request, response);
    }
}
