using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroneedlingPlanner.Web.Data;

// Used only by `dotnet ef` (migrations add / has-pending-model-changes), which never connects,
// so the connection strings only need to name the provider.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlannerDbContext>
{
    public PostgresPlannerDbContext CreateDbContext(string[] args) =>
        new(Options(DatabaseProvider.Postgres, "Host=localhost;Database=planner_design_time"));

    internal static DbContextOptions<PlannerDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PlannerDbContext>();
        DatabaseSetup.UseProvider(builder, provider, connectionString);
        return builder.Options;
    }
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlannerDbContext>
{
    public SqlitePlannerDbContext CreateDbContext(string[] args) =>
        new(PostgresDesignTimeFactory.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
