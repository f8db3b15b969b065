using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace MicroneedlingPlanner.Testing;

/// <summary>
/// The PostgreSQL server for a test assembly: the one named by TEST_PG_CONNECTION, or else a
/// throwaway cluster started from the local PostgreSQL binaries and removed afterwards.
/// Each fixture gets a database of its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "TEST_PG_CONNECTION";

    private string? clusterRoot;
    private string? binDirectory;
    private bool runAsPostgresUser;
    private bool alwaysOwnCluster;
    private IReadOnlyList<string> startArguments = [];

    /// <summary>
    /// A cluster of this test's own, whatever TEST_PG_CONNECTION says, that it may stop and start
    /// (<see cref="StopAsync"/>, <see cref="StartAsync"/>) without disturbing other tests.
    /// </summary>
    public static PostgresServer OwnCluster() => new() { alwaysOwnCluster = true };

    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var given = alwaysOwnCluster ? null : Environment.GetEnvironmentVariable(ConnectionVariable);
        AdminConnectionString = string.IsNullOrWhiteSpace(given) ? await StartClusterAsync() : given;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The tests cannot connect to PostgreSQL ({Describe(AdminConnectionString)}): {e.Message}. " +
                $"Check {ConnectionVariable}, or unset it to let the tests start a throwaway server.", e);
        }
    }

    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        // PostgreSQL cuts identifiers at 63 bytes; the random part must survive.
        var name = $"pt_{Guid.NewGuid():N}_{purpose.ToLowerInvariant()}";
        name = name[..Math.Min(name.Length, 63)];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Stops the server as an operator would (fast shutdown: open connections are cut); only for <see cref="OwnCluster"/>.</summary>
    public Task StopAsync() => RunAsync("pg_ctl", ["-D", OwnData, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartAsync() => RunAsync("pg_ctl", startArguments);

    private string OwnData => clusterRoot is null
        ? throw new InvalidOperationException("Only a cluster this fixture started can be stopped and started.")
        : Path.Combine(clusterRoot, "data");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (clusterRoot is null)
        {
            return;
        }

        await RunAsync("pg_ctl", ["-D", Path.Combine(clusterRoot, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(clusterRoot, recursive: true);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StartClusterAsync()
    {
        binDirectory = await FindBinDirectoryAsync() ?? throw new InvalidOperationException(
            $"No PostgreSQL for the tests: {ConnectionVariable} is not set and no PostgreSQL server binaries (initdb, pg_ctl) " +
            "were found through `pg_config --bindir`, on PATH or under /usr/lib/postgresql. " +
            $"Install PostgreSQL (Debian: apt-get install postgresql) or set {ConnectionVariable}.");

        // PostgreSQL refuses to run as root, so root hands the cluster to the postgres user.
        runAsPostgresUser = Environment.UserName == "root";
        clusterRoot = Directory.CreateTempSubdirectory("planner-pg-").FullName;
        var data = Path.Combine(clusterRoot, "data");
        if (runAsPostgresUser)
        {
            await EnsurePostgresUserAsync();
            await RunAsync("/bin/chown", ["-R", "postgres", clusterRoot], asPostgres: false);
        }

        await RunAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var port = FreePort();
        // Durability is pointless for a database that is deleted afterwards; speed is not.
        startArguments =
        [
            "-D", data, "-l", Path.Combine(clusterRoot, "postgres.log"), "-w", "-t", "60", "start",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {clusterRoot} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ];
        await RunAsync("pg_ctl", startArguments);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static async Task<string?> FindBinDirectoryAsync()
    {
        var candidates = new List<string>();
        try
        {
            var (code, output) = await RunProcessAsync("pg_config", ["--bindir"]);
            if (code == 0)
            {
                candidates.Add(output.Trim());
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed; fall through to PATH and the Debian layout.
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static async Task EnsurePostgresUserAsync()
    {
        var (exists, _) = await RunProcessAsync("id", ["-u", "postgres"]);
        if (exists != 0)
        {
            await RunProcessAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
        }
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var executable = tool.StartsWith('/') ? tool : Path.Combine(binDirectory!, tool);
        var (file, args) = asPostgres && runAsPostgresUser
            ? ("runuser", (IReadOnlyList<string>)["-u", "postgres", "--", executable, .. arguments])
            : (executable, arguments);
        var (code, output) = await RunProcessAsync(file, args);
        if (code != 0)
        {
            var log = clusterRoot is not null && File.Exists(Path.Combine(clusterRoot, "postgres.log"))
                ? await File.ReadAllTextAsync(Path.Combine(clusterRoot, "postgres.log"))
                : "";
            throw new InvalidOperationException($"Starting a throwaway PostgreSQL failed: `{tool}` exited with {code}.\n{output}\n{log}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Describe(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}, database '{b.Database}'";
    }
}
