using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddPlannerDatabase(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                options.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
                if (string.IsNullOrWhiteSpace(options.ConnectionString)
                    && string.Equals(options.Provider, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
                {
                    options.ConnectionString = $"Data Source={Path.Combine(environment.ContentRootPath, "App_Data", "planner.db")}";
                }
            })
            .ValidateOnStart();

        // Registered before AddDbContextFactory so that Identity and the health check, which ask
        // for a scoped context, get the provider's subclass from the factory.
        services.AddScoped<PlannerDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContext());
        services.AddDbContextFactory<PlannerDbContext, PlannerDbContextFactory>((sp, builder) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            UseProvider(builder, options.ProviderKind, options.ConnectionString!, options);
        });
        return services;
    }

    /// <summary>Shared by the app and the design-time factories so migrations see the same model.</summary>
    internal static void UseProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, DatabaseOptions? retries = null)
    {
        _ = provider switch
        {
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, npgsql =>
            {
                if (retries is { RetryCount: > 0 })
                {
                    npgsql.ExecutionStrategy(d => new RetryOutsideTransactions(d, retries.RetryCount, TimeSpan.FromSeconds(retries.RetryMaxDelaySeconds)));
                }
            }),
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>
    /// Checks that the configured database answers and, unless turned off, applies migrations,
    /// so that bad configuration stops the app at start-up with a message naming the setting.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.ProviderKind == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        var factory = services.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        try
        {
            // The connection itself, not through the retrying strategy: bad settings should stop the
            // app at once, not after a minute of retries.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            await connection.CloseAsync();
        }
        // Npgsql's execution strategy wraps connection failures in an InvalidOperationException.
        catch (Exception e) when ((e as DbException ?? e.InnerException as DbException) is { } cause)
        {
            throw new InvalidOperationException(
                $"Cannot reach the {options.Describe()} set by {DatabaseOptions.ConnectionStringSetting} " +
                $"({DatabaseOptions.ProviderSetting} = {options.ProviderKind}): {cause.Message}", e);
        }

        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}

/// <summary>Creates the provider's subclass, which carries that provider's migrations.</summary>
internal sealed class PlannerDbContextFactory(DbContextOptions<PlannerDbContext> options, IOptions<DatabaseOptions> database)
    : IDbContextFactory<PlannerDbContext>
{
    private readonly DatabaseProvider provider = database.Value.ProviderKind;

    public PlannerDbContext CreateDbContext() => provider switch
    {
        DatabaseProvider.Postgres => new PostgresPlannerDbContext(options),
        _ => new SqlitePlannerDbContext(options),
    };
}
