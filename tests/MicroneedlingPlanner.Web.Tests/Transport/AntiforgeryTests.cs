using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Transport;

/// <summary>
/// Every endpoint that takes a form post refuses one without a valid antiforgery token, and every
/// form the app renders goes through with the token it carries. The endpoints come from the app's
/// endpoint data source, so a new one is checked without being listed here.
/// </summary>
[Collection(AuthorizationOnPostgres.Name)]
public sealed partial class AntiforgeryTests(PostgresAppFixture app)
{
    /// <summary>Endpoints that take POST but no form, each with the reason it needs no token.</summary>
    private static readonly Dictionary<string, string> NotForms = new(StringComparer.Ordinal)
    {
        // SignalR's negotiation and transports for the circuit: no form fields, and what a circuit
        // then does is checked against the user's own sign-in on the server.
        ["/_blazor"] = "the circuit's SignalR hub",
        ["/_blazor/negotiate"] = "the circuit's SignalR negotiation",
        ["/_blazor/disconnect/"] = "the circuit's disconnect beacon, which ends only a circuit whose secret id the caller holds",
        ["/_blazor/initializers/"] = "the list of the app's JavaScript initialisers, which changes nothing",
        ["/health"] = "the health check, which answers any method and changes nothing",
        ["/health/live"] = "the liveness check, which answers any method, runs no check and changes nothing",
    };

    [Fact]
    public async Task Every_endpoint_that_takes_a_form_post_refuses_one_without_a_valid_token()
    {
        var endpoints = PostEndpoints();
        Assert.Contains(endpoints, e => e.Route == "/Account/Logout");
        Assert.Contains(endpoints, e => e.Route == "/Account/Login");

        // An admin reaches every page, so the token is what decides; sign-out goes last, as it ends the sign-in.
        var admin = app.Factory.NewClient();
        await admin.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Admin, Forms.StrongPassword), Forms.StrongPassword);
        var token = TokenOf(await admin.GetStringAsync("/Account/Manage", TestContext.Current.CancellationToken));
        var checkedForms = new List<string>();
        foreach (var endpoint in endpoints.OrderBy(e => e.Route == "/Account/Logout"))
        {
            if (NotForms.ContainsKey(endpoint.Route))
            {
                continue;
            }

            var path = Path(endpoint.Pattern);
            if (endpoint.JsonOnly)
            {
                var json = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }), TestContext.Current.CancellationToken);
                Assert.True(json.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{endpoint.Route} takes JSON only, yet a form post got {(int)json.StatusCode}.");
                continue;
            }

            var without = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "any" }), TestContext.Current.CancellationToken);
            var forged = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "any", ["__RequestVerificationToken"] = "forged" }), TestContext.Current.CancellationToken);
            var with = await admin.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "any", ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

            var withoutBody = await without.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var forgedBody = await forged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(RefusedForToken(without.StatusCode, withoutBody), $"POST {path} without a token got {(int)without.StatusCode}, not 400 for the token: {withoutBody}");
            Assert.True(RefusedForToken(forged.StatusCode, forgedBody), $"POST {path} with a forged token got {(int)forged.StatusCode}, not 400 for the token: {forgedBody}");
            var body = await with.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.False(RefusedForToken(with.StatusCode, body), $"POST {path} with a valid token was refused for want of one: {body}");
            checkedForms.Add(endpoint.Route);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{checkedForms.Count} form endpoints checked:\n{string.Join("\n", checkedForms)}");
        Assert.True(checkedForms.Count >= 30, $"Only {checkedForms.Count} form endpoints were found.");
    }

    /// <summary>
    /// Every form the app renders with method="post" on a page that opens without parameters: posted
    /// as rendered it is answered (200 with its own messages, or a redirect); without its token, or
    /// with another's, it is refused. Pages for signed-in users are opened as a patient; the sign-out
    /// form in their menu goes last.
    /// </summary>
    [Fact]
    public async Task Every_rendered_form_goes_through_with_its_token_and_not_without()
    {
        var anonymous = app.Factory.NewClient();
        var patient = app.Factory.NewClient();
        await patient.SignInAsync(await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword), Forms.StrongPassword);

        var pages = PostEndpoints().Where(e => !NotForms.ContainsKey(e.Route) && !e.JsonOnly && e.Pattern.Parameters.Count == 0).ToList();
        var forms = new List<(HttpClient Client, string Page, string Action, Dictionary<string, string> Fields)>();
        foreach (var page in pages)
        {
            var client = page.NeedsSignIn ? patient : anonymous;
            var response = await client.GetAsync(page.Route, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue; // e.g. a page that needs a link's code sends the visitor elsewhere; the test above covers its endpoint
            }

            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (var form in FormTag().Matches(html).Select(m => m.Value).Where(f => PostMethod().IsMatch(f.Split('>')[0])))
            {
                var action = FormAction().Match(form.Split('>')[0]) is { Success: true } a ? "/" + WebUtility.HtmlDecode(a.Groups[1].Value).TrimStart('/') : page.Route;
                var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                forms.Add((client, page.Route, action, fields));
            }
        }

        var distinct = forms.DistinctBy(f => (f.Client, f.Action, f.Fields.GetValueOrDefault("_handler"))).OrderBy(f => f.Action.EndsWith("/Account/Logout", StringComparison.Ordinal)).ToList();
        var names = distinct.Select(f => $"{f.Action} {f.Fields.GetValueOrDefault("_handler")}".Trim()).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{distinct.Count} forms:\n{string.Join("\n", names)}");
        Assert.Superset(new HashSet<string>
        {
            "/Account/Login login", "/Account/Register register", "/Account/ForgotPassword forgot-password", "/Account/ResendEmailConfirmation resend-confirmation",
            "/Account/Manage contact-details", "/Account/Manage change-password", "/Account/Logout",
        }, names.ToHashSet());

        foreach (var (client, page, action, fields) in distinct)
        {
            Assert.True(fields.ContainsKey("__RequestVerificationToken"), $"The form posting to {action} on {page} carries no antiforgery token.");
            var without = await client.PostAsync(action, new FormUrlEncodedContent(fields.Where(f => f.Key != "__RequestVerificationToken")), TestContext.Current.CancellationToken);
            var otherToken = TokenOf(await OtherVisitorsPageAsync());
            var someoneElses = await client.PostAsync(action, new FormUrlEncodedContent(fields.Select(f => f.Key == "__RequestVerificationToken" ? new(f.Key, otherToken) : f)), TestContext.Current.CancellationToken);
            var with = await client.PostAsync(action, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

            Assert.True(RefusedForToken(without.StatusCode, await without.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), $"{action} from {page} without its token got {(int)without.StatusCode}.");
            Assert.True(RefusedForToken(someoneElses.StatusCode, await someoneElses.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), $"{action} from {page} with another visitor's token got {(int)someoneElses.StatusCode}.");
            Assert.True(with.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{action} from {page} with its token got {(int)with.StatusCode}: {await with.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    /// <summary>A page as a new visitor gets it, whose token belongs to that visitor's cookie.</summary>
    private Task<string> OtherVisitorsPageAsync() => app.Factory.NewClient().GetStringAsync("/Account/Login");

    private static bool RefusedForToken(HttpStatusCode status, string body) =>
        status == HttpStatusCode.BadRequest && (body.Contains("antiforgery", StringComparison.OrdinalIgnoreCase) || body.Contains("did not come from this site's own page", StringComparison.Ordinal));

    private sealed record PostEndpoint(string Route, RoutePattern Pattern, bool JsonOnly, bool NeedsSignIn);

    /// <summary>Every endpoint that takes POST (or any method), by its route.</summary>
    private List<PostEndpoint> PostEndpoints() =>
        [.. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Post))
            .Select(e => new PostEndpoint(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.RoutePattern,
                e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts && accepts.ContentTypes.All(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)),
                e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null))
            .DistinctBy(e => e.Route)];

    /// <summary>A path that the pattern matches: a new id, version 1, or "x" for each parameter.</summary>
    private static string Path(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { ParameterPolicies: var policies } when policies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart { ParameterPolicies: var policies } when policies.Any(p => p.Content == "int") => "1",
            _ => "x",
        }))));

    private static string TokenOf(string html) => WebUtility.HtmlDecode(TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The page carries no antiforgery token."));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("method=\"post\"", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}
