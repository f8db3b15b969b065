using System.Net;
using System.Net.Http.Json;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;

namespace MicroneedlingPlanner.Web.Tests.Startup;

/// <summary>
/// Issue 12, item 3 (rate limiting): sign-in, registration, password reset and the preview API answer
/// 429 with Retry-After past their configured limit per client; pages and other requests are not limited.
/// </summary>
public sealed class RateLimitTests(PostgresServer server) : IAsyncLifetime
{
    private string connection = default!;
    private PlannerAppFactory factory = default!;

    public async ValueTask InitializeAsync()
    {
        connection = await server.CreateDatabaseAsync("ratelimits");
        factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection)
            .With("RateLimiting:SignInPerMinute", "3")
            .With("RateLimiting:RegistrationPerMinute", "2")
            .With("RateLimiting:PasswordResetPerMinute", "2")
            .With("RateLimiting:PreviewPerMinute", "4");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await server.DropDatabaseAsync(connection);
    }

    [Fact]
    public void The_defaults_are_generous_for_people()
    {
        var defaults = new RateLimitSettings();

        Assert.Equal(120, defaults.PreviewPerMinute);
        Assert.Equal(30, defaults.SignInPerMinute);
        Assert.Equal(10, defaults.RegistrationPerMinute);
        Assert.Equal(10, defaults.PasswordResetPerMinute);
    }

    [Theory]
    [InlineData("/Account/Login", 3)]
    [InlineData("/Account/Register", 2)]
    [InlineData("/Account/ForgotPassword", 2)]
    public async Task A_form_posted_past_its_limit_gets_429_a_retry_after_and_a_page_saying_how_long_to_wait(string form, int limit)
    {
        var client = factory.NewClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = $"someone-{Guid.NewGuid():N}@planner.test", ["Input.Password"] = "not the right one at all" };
        for (var i = 0; i < limit; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.SubmitAsync(form, fields)).StatusCode);
        }

        var refused = await client.SubmitAsync(form, fields);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var html = await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"Please wait {seconds} seconds, then try again.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{form}\"", html, StringComparison.Ordinal);

        // Reading the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(form, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_preview_api_past_its_limit_answers_problem_details_with_retry_after()
    {
        var client = factory.NewClient();
        for (var i = 0; i < 4; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/plans/preview", new { }, TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/plans/preview", new { }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("try again", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // Other API requests go on.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/rules/current", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_limit_that_cannot_work_stops_the_app_at_start_with_a_clear_message()
    {
        await using var broken = new PlannerAppFactory(DatabaseProvider.Postgres, connection).With("RateLimiting:PreviewPerMinute", "0");

        var error = Assert.ThrowsAny<Exception>(() => broken.Services);

        Assert.Contains("RateLimiting:PreviewPerMinute is 0", error.ToString(), StringComparison.Ordinal);
    }
}
