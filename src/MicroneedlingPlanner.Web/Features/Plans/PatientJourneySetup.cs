using MicroneedlingPlanner.Web.Features.Intake;

namespace MicroneedlingPlanner.Web.Features.Plans;

public static class PatientJourneySetup
{
    public static IServiceCollection AddPatientJourney(this IServiceCollection services)
    {
        services.AddSingleton<DraftStore>();
        services.AddSingleton<PatientPlans>();
        services.AddScoped<BrowserDraftToken>();
        services.AddHostedService<DraftCleanup>();
        return services;
    }
}
