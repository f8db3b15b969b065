using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Data;

/// <summary>
/// The one model of the app. It is never instantiated directly: each provider has its own
/// subclass below so that EF Core keeps a separate migration history per provider
/// (docs/adr/0001-two-database-providers.md).
/// </summary>
public abstract class PlannerDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlannerDbContext).Assembly);
    }
}

public sealed class PostgresPlannerDbContext(DbContextOptions options) : PlannerDbContext(options);

public sealed class SqlitePlannerDbContext(DbContextOptions options) : PlannerDbContext(options);
