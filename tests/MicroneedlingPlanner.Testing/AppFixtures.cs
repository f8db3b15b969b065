using MicroneedlingPlanner.Web.Data;
using Microsoft.Data.Sqlite;
using Xunit;

namespace MicroneedlingPlanner.Testing;

/// <summary>One app on one fresh database, shared by the test classes of a collection.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    public PlannerAppFactory Factory { get; private set; } = default!;

    /// <summary>The database's connection string, for a second app instance on the same data.</summary>
    public string ConnectionString { get; private set; } = "";

    public DatabaseProvider DatabaseProvider => Provider;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        Factory = new PlannerAppFactory(Provider, ConnectionString, Environment);
        await StartAppAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await BeforeAppStopsAsync();
        await Factory.DisposeAsync();
        await DeleteDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The app's environment: Development seeds the development accounts; others seed nothing.</summary>
    protected virtual string Environment => "Development";

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    /// <summary>Starts the in-memory test server; the browser fixture starts Kestrel instead.</summary>
    protected virtual Task StartAppAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    protected virtual Task BeforeAppStopsAsync() => Task.CompletedTask;
}

public class PostgresAppFixture(PostgresServer server) : AppFixture
{
    private string connectionString = "";

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync() => connectionString = await server.CreateDatabaseAsync(GetType().Name);

    protected override Task DeleteDatabaseAsync() => server.DropDatabaseAsync(connectionString);
}

public class SqliteAppFixture : AppFixture
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"planner-test-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={file}");

    protected override Task DeleteDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    }
}
