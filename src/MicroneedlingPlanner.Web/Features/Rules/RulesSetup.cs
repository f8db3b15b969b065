using System.Security.Claims;
using System.Text;
using MicroneedlingPlanner.Web.Features.Accounts;

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

    /// <summary>A version's rules as a JSON file, for an admin to keep, review or import into a draft elsewhere.</summary>
    public static IEndpointRouteBuilder MapRuleExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/rules/{number:int}/export.json", async (int number, ClaimsPrincipal user, RuleVersions versions, CancellationToken cancellationToken) =>
            await versions.ExportAsync(user, number, cancellationToken) is { } json
                ? Results.File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"treatment-rules-version-{number}.json")
                : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return endpoints;
    }
}
