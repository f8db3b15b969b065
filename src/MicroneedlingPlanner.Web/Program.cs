using MicroneedlingPlanner.Web.Components;
using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.DataRights;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Review;
using MicroneedlingPlanner.Web.Features.Rules;
using MicroneedlingPlanner.Web.Features.Transport;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddClinicClock();
builder.Services.AddPlannerDatabase();
builder.Services.AddSharedDataProtection();
builder.Services.AddPlannerAccounts();
builder.Services.AddTransportSecurity();
// A sent plan's page hands its plan, with every citation, from prerendering to the circuit as
// persisted state, which arrives over the hub: even a short plan is about 31 KB, just under the
// default 32 KB message limit, and one with many flags is well over it.
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
builder.Services.AddMudServices();
builder.Services.AddPlanApi();
builder.Services.AddPatientJourney();
builder.Services.AddClinicAudit();
builder.Services.AddRecalls();
builder.Services.AddClinicReview();
builder.Services.AddReviewQueue();
builder.Services.AddTreatmentRules();
builder.Services.AddDataRights();
builder.Services.AddProblemDetails();
builder.Services.AddRequestLimits();
builder.Services.AddHealthChecks().AddDbContextCheck<PlannerDbContext>("database");

var app = builder.Build();

await app.Services.PrepareDatabaseAsync();
await app.Services.GetRequiredService<PublishedRules>().RefreshAsync();
await MaintenanceWindowBackfill.RunAsync(app.Services);

if (args is [CreateAdminCommand.Name, ..])
{
    return await CreateAdminCommand.RunAsync(app.Services, args, CreateAdminCommand.ReadPasswordFromConsole, Console.Out);
}

if (args is [VerifyAuditCommand.Name, ..])
{
    return await VerifyAuditCommand.RunAsync(app.Services, Console.Out);
}

// First: what follows must see the scheme and address the client used, not the proxy's.
app.UseForwardedHeaders();

if (app.Environment.IsDevelopment())
{
    await DevelopmentAccounts.SeedAsync(app.Services);
}
else
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseContentSecurityPolicy();

// HEAD must become GET before routing picks an endpoint, so routing and what follows it are placed explicitly.
app.UseHeadAsGet();
app.UseRouting();
app.UseErrorResponses();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
// Liveness only (no checks run): the trivial endpoint load runs compare the preview API with.
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapPlanApi();
app.MapRecallExport();
app.MapRuleExport();
app.MapDataRights();

await app.RunAsync();
return 0;
