using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace MicroneedlingPlanner.Web.Tests.Transport;

/// <summary>
/// Behind a proxy that ends TLS: the app in Production (HTTPS redirection on) trusting the proxy at
/// 10.0.0.5 and the network 172.18.0.0/16. Each request is sent from a chosen address, as a proxy
/// or a stranger would send it.
/// </summary>
public sealed partial class ForwardedHeadersTests(PostgresServer server) : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "203.0.113.7";
    private const string Client = "198.51.100.20";

    private string connection = "";
    private PlannerAppFactory factory = default!;

    public async ValueTask InitializeAsync()
    {
        connection = await server.CreateDatabaseAsync("forwarded");
        factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production")
            .With("https_port", "443")
            .With("ForwardedHeaders:KnownProxies", Proxy)
            .With("ForwardedHeaders:KnownNetworks", "172.18.0.0/16");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await server.DropDatabaseAsync(connection);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_ends_tls_the_request_is_https_and_every_cookie_is_secure()
    {
        var email = await factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);

        var page = await SendAsync(Proxy, "GET", "/Account/Login", proto: "https");

        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.Equal("https", page.Request.Scheme);
        Assert.Equal(Client, page.Connection.RemoteIpAddress?.ToString());
        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        var html = await new StreamReader(page.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Forms.StrongPassword,
        };
        var signIn = await SendAsync(Proxy, "POST", "/Account/Login", proto: "https", cookie: antiforgery.Split(';')[0], form: form);

        Assert.Equal(StatusCodes.Status302Found, signIn.Response.StatusCode);
        var auth = Assert.Single(SetCookies(signIn), c => c.StartsWith("planner.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("172.18.3.4")] // in KnownNetworks
    [InlineData("127.0.0.1")] // loopback: a proxy on the same machine is always trusted
    public async Task Other_trusted_addresses_are_believed_too(string proxy)
    {
        var page = await SendAsync(proxy, "GET", "/Account/Login", proto: "https");

        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.Equal("https", page.Request.Scheme);
        Assert.Equal(Client, page.Connection.RemoteIpAddress?.ToString());
    }

    [Theory]
    [InlineData(Stranger)]
    [InlineData("10.0.0.6")] // next to the proxy, but not it
    public async Task From_an_untrusted_address_the_forwarded_headers_are_ignored(string address)
    {
        var page = await SendAsync(address, "GET", "/Account/Login", proto: "https");

        // Still plain HTTP, so it is sent to HTTPS rather than answered, and no cookie is set over it.
        Assert.Equal("http", page.Request.Scheme);
        Assert.Equal(address, page.Connection.RemoteIpAddress?.ToString());
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, page.Response.StatusCode);
        Assert.Equal("https://localhost/Account/Login", page.Response.Headers.Location.ToString());
        Assert.Empty(SetCookies(page));
    }

    [Fact]
    public async Task Plain_http_forwarded_by_the_proxy_is_redirected_to_https()
    {
        var page = await SendAsync(Proxy, "GET", "/Account/Login", proto: "http");

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, page.Response.StatusCode);
        Assert.Equal("https://localhost/Account/Login", page.Response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("KnownProxies", "10.0.0.x", "ForwardedHeaders:KnownProxies holds '10.0.0.x', which is not an IP address")]
    [InlineData("KnownNetworks", "172.18.0.0", "ForwardedHeaders:KnownNetworks holds '172.18.0.0', which is not a network in CIDR notation")]
    [InlineData("KnownNetworks", "10.0.0.0/40", "ForwardedHeaders:KnownNetworks holds '10.0.0.0/40'")]
    public void A_bad_proxy_setting_stops_the_app_and_is_named(string setting, string value, string expected)
    {
        using var bad = new PlannerAppFactory(DatabaseProvider.Postgres, connection).With($"ForwardedHeaders:{setting}", value);

        var error = Record.Exception(() => bad.Server);

        Assert.NotNull(error);
        Assert.Contains(expected, Messages(error), StringComparison.Ordinal);
    }

    /// <summary>A request as it reaches the app over a connection from <paramref name="from"/>, with the headers a proxy adds.</summary>
    private Task<HttpContext> SendAsync(string from, string method, string path, string proto, string? cookie = null, Dictionary<string, string>? form = null) =>
        factory.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Method = method;
            context.Request.Path = path;
            context.Request.Headers["X-Forwarded-Proto"] = proto;
            context.Request.Headers["X-Forwarded-For"] = Client;
            if (cookie is not null)
            {
                context.Request.Headers.Cookie = cookie;
            }

            if (form is not null)
            {
                var body = Encoding.UTF8.GetBytes(string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
                context.Request.ContentType = "application/x-www-form-urlencoded";
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
            }
        }, TestContext.Current.CancellationToken);

    private static string[] SetCookies(HttpContext context) => [.. context.Response.Headers.SetCookie.OfType<string>()];

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join("\n", messages);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
