using Microsoft.AspNetCore.DataProtection;

namespace MicroneedlingPlanner.Web.Data;

public static class DataProtectionSetup
{
    /// <summary>
    /// The keys behind sign-in, antiforgery and two-factor cookies live in the app's database, so
    /// every instance on it reads and writes the same key ring: a cookie one instance issued works on
    /// the others, and a restart (or a new container) signs no one out. The application name is fixed
    /// so that instances in different folders or containers count as one app.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("MicroneedlingPlanner")
            .PersistKeysToDbContext<PlannerDbContext>();
        return services;
    }
}
