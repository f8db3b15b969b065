using MicroneedlingPlanner.Web.Components;
using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddClinicClock();
builder.Services.AddPlannerDatabase();
builder.Services.AddPlannerAccounts();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddPlanApi();
builder.Services.AddPatientJourney();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddDbContextCheck<PlannerDbContext>("database");

var app = builder.Build();

await app.Services.PrepareDatabaseAsync();

if (args is [CreateAdminCommand.Name, ..])
{
    return await CreateAdminCommand.RunAsync(app.Services, args, CreateAdminCommand.ReadPasswordFromConsole, Console.Out);
}

if (app.Environment.IsDevelopment())
{
    await DevelopmentAccounts.SeedAsync(app.Services);
}
else
{
    app.UseHsts();
}

// HEAD must become GET before routing picks an endpoint, so routing and what follows it are placed explicitly.
app.UseHeadAsGet();
app.UseRouting();
app.UseErrorResponses();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapPlanApi();

await app.RunAsync();
return 0;
