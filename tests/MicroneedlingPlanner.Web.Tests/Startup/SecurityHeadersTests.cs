using System.Net;
using System.Net.Http.Json;
using MicroneedlingPlanner.Web.Data;

namespace MicroneedlingPlanner.Web.Tests.Startup;

/// <summary>Issue 12, item 3 (first part): every kind of response says nosniff and keeps its address to the app.</summary>
[Collection(ApiOnPostgres.Name)]
public sealed class SecurityHeadersTests(PostgresAppFixture app)
{
    public static readonly TheoryData<string, HttpStatusCode> Responses = new()
    {
        { "/", HttpStatusCode.OK },
        { "/plan/questions", HttpStatusCode.OK },
        { "/api/rules/current", HttpStatusCode.OK },
        { "/health", HttpStatusCode.OK },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/api/no-such-endpoint", HttpStatusCode.NotFound },
        { "/staff", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Each_response_forbids_type_sniffing_and_sends_no_referrer_outside_the_app(string path, HttpStatusCode status)
    {
        var response = await app.Factory.NewClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_refused_preview_carries_the_headers_too()
    {
        var response = await app.Factory.NewClient().PostAsJsonAsync("/api/plans/preview", new { concerns = "not a list" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}

/// <summary>Outside Development, plain HTTP is sent to HTTPS and HTTPS answers carry HSTS.</summary>
public sealed class HttpsOutsideDevelopmentTests(PostgresServer server)
{
    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_answers_say_to_keep_using_it()
    {
        var connection = await server.CreateDatabaseAsync("https");
        try
        {
            await using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production").With("https_port", "443").With("AllowedHosts", "planner.test");
            // Not localhost: HSTS is never sent for it, so that a developer's browser does not remember it.
            using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://planner.test/") });

            var plain = await client.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
            Assert.Equal("https://planner.test/", plain.Headers.Location!.ToString());

            var secure = await client.GetAsync("https://planner.test/", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
            Assert.StartsWith("max-age=", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }
}
