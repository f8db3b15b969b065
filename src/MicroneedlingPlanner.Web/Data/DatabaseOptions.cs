using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MicroneedlingPlanner.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the <c>Database</c> section plus <c>ConnectionStrings:Planner</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringSetting = "ConnectionStrings:Planner";
    public const string ConnectionStringName = "Planner";

    /// <summary>Kept as text so that a typo gets our message rather than a binder exception.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Production deployments that migrate from a pipeline turn this off.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public string? ConnectionString { get; set; }

    /// <summary>
    /// On PostgreSQL, how many times a database call that failed for a passing reason (the server
    /// restarting, a dropped connection) is tried again before the user is told; 0 turns it off.
    /// </summary>
    public int RetryCount { get; set; } = 6;

    /// <summary>The longest wait between two tries, in seconds: the waits grow 0, 1, 3, 7… up to this.</summary>
    public double RetryMaxDelaySeconds { get; set; } = 4;

    public DatabaseProvider ProviderKind => Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);

    /// <summary>Where the database is, without credentials: safe for logs and error messages.</summary>
    public string Describe()
    {
        try
        {
            return ProviderKind switch
            {
                DatabaseProvider.Sqlite => $"SQLite file '{new SqliteConnectionStringBuilder(ConnectionString).DataSource}'",
                _ => DescribePostgres(new NpgsqlConnectionStringBuilder(ConnectionString)),
            };
        }
        catch (ArgumentException)
        {
            return "an unreadable connection string";
        }
    }

    private static string DescribePostgres(NpgsqlConnectionStringBuilder b) =>
        $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}";
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.GetNames<DatabaseProvider>().Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.ProviderSetting} is '{options.Provider}'. Use 'Sqlite' (the embedded default) or 'Postgres'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.ConnectionStringSetting} is missing. It is required when {DatabaseOptions.ProviderSetting} is '{options.Provider}', " +
                "for example 'Host=localhost;Database=planner;Username=planner;Password=...'.");
        }

        if (options.RetryCount < 0 || options.RetryMaxDelaySeconds < 0)
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.RetryCount)} and {DatabaseOptions.Section}:{nameof(DatabaseOptions.RetryMaxDelaySeconds)} cannot be negative " +
                $"(they are {options.RetryCount} and {options.RetryMaxDelaySeconds}).");
        }

        var provider = options.ProviderKind;
        try
        {
            _ = provider == DatabaseProvider.Sqlite
                ? (object)new SqliteConnectionStringBuilder(options.ConnectionString)
                : new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.ConnectionStringSetting} cannot be read as a {provider} connection string: {e.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
