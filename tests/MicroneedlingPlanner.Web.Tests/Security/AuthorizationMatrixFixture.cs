using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Tests.Security;

/// <summary>Its own database, so that patient A's plan is the only one whose reference the refusals are searched for.</summary>
[CollectionDefinition(Name)]
public sealed class AuthorizationMatrixOnPostgres : ICollectionFixture<AuthorizationMatrixFixture>
{
    public const string Name = "Authorization matrix on PostgreSQL";
}

/// <summary>
/// The app on PostgreSQL with the matrix's five principals, each (but the anonymous one) signed in
/// over HTTP with its own cookies, and a plan that patient A sent.
/// </summary>
public sealed class AuthorizationMatrixFixture(PostgresServer server) : PostgresAppFixture(server)
{
    private readonly Dictionary<Principal, string> emails = [];
    private readonly Dictionary<Principal, HttpClient> clients = [];

    /// <summary>Patient A's sent plan: the object patient B, staff and admin ask for by id on the patient's pages.</summary>
    public Guid PlanOfPatientA { get; private set; }

    public string ReferenceOfPatientA { get; private set; } = "";

    public string EmailOf(Principal principal) => emails[principal];

    public HttpClient ClientOf(Principal principal) => clients[principal];

    /// <summary>
    /// Presses "Sign out" on <paramref name="fromPage"/> as the principal, then signs in again: signing
    /// out ends every session of the account, so the next request as this principal needs a new one.
    /// </summary>
    public async Task<HttpResponseMessage> SignOutAndBackInAsync(Principal principal, string fromPage)
    {
        var response = await clients[principal].SignOutAsync(fromPage);
        clients[principal].Dispose();
        clients[principal] = await NewSessionAsync(principal);
        return response;
    }

    private async Task<HttpClient> NewSessionAsync(Principal principal)
    {
        var client = Factory.NewClient();
        if (principal != Principal.Anonymous)
        {
            await client.SignInAsync(emails[principal], Forms.StrongPassword);
        }

        return client;
    }

    /// <summary>Answers the preview API takes, written with the app's own JSON settings.</summary>
    public HttpContent PreviewBody() => new StringContent(
        JsonSerializer.Serialize(Answers(),
            Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions),
        Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>As deployed: no development accounts, and the pipeline a clinic runs (HSTS, HTTPS redirection).</summary>
    protected override string Environment => "Production";

    private static IntakeAnswers Answers() => SampleAnswers.AcneScars(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14));

    protected override async Task StartAppAsync()
    {
        await base.StartAppAsync();
        clients[Principal.Anonymous] = await NewSessionAsync(Principal.Anonymous);
        foreach (var (principal, role) in new[] { (Principal.PatientA, Roles.Patient), (Principal.PatientB, Roles.Patient), (Principal.Staff, Roles.Staff), (Principal.Admin, Roles.Admin) })
        {
            emails[principal] = await Factory.CreateConfirmedUserAsync(role, Forms.StrongPassword);
            clients[principal] = await NewSessionAsync(principal);
        }

        using var scope = Factory.Services.CreateScope();
        var patientA = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(emails[Principal.PatientA]))!.Id;
        var (token, _) = await scope.ServiceProvider.GetRequiredService<DraftStore>().StartAsync(Answers(), 5);
        var sent = await scope.ServiceProvider.GetRequiredService<PatientPlans>().SubmitDraftAsync(patientA, token, new SubmissionDetails(true, ContactPreference.Email, null, "Patient A"));
        var stored = Assert.IsType<SubmitResult.Stored>(sent);
        (PlanOfPatientA, ReferenceOfPatientA) = (stored.PlanId, stored.Reference);
    }

    protected override Task BeforeAppStopsAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        return base.BeforeAppStopsAsync();
    }
}
