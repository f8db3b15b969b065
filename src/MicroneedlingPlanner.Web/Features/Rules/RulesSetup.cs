namespace MicroneedlingPlanner.Web.Features.Rules;

public static class RulesSetup
{
    public static IServiceCollection AddTreatmentRules(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section)
            .Validate(o => o.RefreshSeconds is >= 0.1 and <= 300, "Rules:RefreshSeconds must be from 0.1 to 300 seconds.")
            .ValidateOnStart();
        services.AddSingleton<PublishedRules>();
        services.AddHostedService<PublishedRulesRefresh>();
        services.AddSingleton<RuleVersions>();
        services.AddSingleton<RuleImpact>();
        return services;
    }
}
