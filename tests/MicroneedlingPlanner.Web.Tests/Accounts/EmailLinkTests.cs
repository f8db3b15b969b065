using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>The links in account emails point at the configured public address, whatever Host the request names.</summary>
[Collection(EmailLinksOnPostgres.Name)]
public sealed class EmailLinkTests(PublicAddressAppFixture app)
{
    private const string ForgedHost = "attacker.example";

    private HttpClient ClientWithForgedHost()
    {
        var client = app.Factory.NewClient();
        client.DefaultRequestHeaders.Host = ForgedHost;
        return client;
    }

    [Fact]
    public async Task A_forged_host_header_does_not_reach_the_password_reset_link()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var client = ClientWithForgedHost();

        var response = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = app.Outbox.LastLink(nameof(Outbox.SendPasswordResetLinkAsync), await UserIdAsync(email));
        Assert.StartsWith($"{PublicAddressAppFixture.PublicBaseUrl}Account/ResetPassword?code=", link, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, link, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_forged_host_header_does_not_reach_the_confirmation_link()
    {
        var email = $"forged-{Guid.NewGuid():N}@planner.test";
        var client = ClientWithForgedHost();

        var response = await client.SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Forms.StrongPassword,
            ["Input.ConfirmPassword"] = Forms.StrongPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = app.Outbox.LastLink(nameof(Outbox.SendConfirmationLinkAsync), await UserIdAsync(email));
        Assert.StartsWith($"{PublicAddressAppFixture.PublicBaseUrl}Account/ConfirmEmail?", link, StringComparison.Ordinal);
        Assert.DoesNotContain(ForgedHost, link, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}

/// <summary>The app with <c>App:PublicBaseUrl</c> set and its emails kept in an outbox.</summary>
public sealed class PublicAddressAppFixture(PostgresServer server) : PostgresAppFixture(server)
{
    public const string PublicBaseUrl = "https://planner.example.org/";

    public Outbox Outbox { get; } = new();

    protected override Task StartAppAsync()
    {
        Factory.With("App:PublicBaseUrl", PublicBaseUrl).With(Outbox);
        return base.StartAppAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EmailLinksOnPostgres : ICollectionFixture<PublicAddressAppFixture>
{
    public const string Name = "Email links on PostgreSQL";
}
