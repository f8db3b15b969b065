using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// The app as it ships: the Release build in artifacts/publish (published here if missing or older
/// than the sources), run as its own process with <c>dotnet</c> in Production on a loopback port
/// that it picks itself as it binds, on an embedded SQLite file in a temporary folder. One Chromium drives it. The process and
/// the folder go when the fixture is disposed, also when starting failed.
/// </summary>
public sealed partial class PublishedAppFixture : IAsyncLifetime
{
    private const string WebProject = "src/MicroneedlingPlanner.Web";
    private const string PublishFolder = "artifacts/publish";
    private const string AppDll = "MicroneedlingPlanner.Web.dll";
    private static readonly string[] BuildFolders = ["bin", "obj", "App_Data"];

    private readonly StringBuilder output = new();
    private Process? app;
    private DirectoryInfo? dataFolder;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>What the fixture did before the tests: "published" or "used the existing publish output".</summary>
    public string PublishNote { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        try
        {
            var root = Artifacts.RepositoryRoot() ?? throw new InvalidOperationException("The repository root (MicroneedlingPlanner.sln) was not found above the test binaries.");
            var publish = Path.Combine(root.FullName, PublishFolder);
            await EnsurePublishedAsync(root.FullName, publish);
            await StartAppAsync(publish);
            playwright = await Playwright.CreateAsync();
            Browser = await Chromium.LaunchAsync(playwright);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The browser goes first: its open circuit would otherwise keep the app busy.
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
            Browser = null!;
        }

        playwright?.Dispose();
        playwright = null;

        if (app is not null)
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }

            await app.WaitForExitAsync();
            app.Dispose();
            app = null;
        }

        if (dataFolder is not null)
        {
            dataFolder.Delete(recursive: true);
            dataFolder = null;
        }
    }

    private async Task EnsurePublishedAsync(string root, string publish)
    {
        // Stale when a source file changed after the newest file of the last publish (which copies
        // static files with their own times and writes everything else anew).
        var published = Directory.Exists(publish) && File.Exists(Path.Combine(publish, AppDll))
            ? Directory.EnumerateFiles(publish, "*", SearchOption.AllDirectories).Max(File.GetLastWriteTimeUtc)
            : (DateTime?)null;
        var changed = SourceFiles(root).Max(File.GetLastWriteTimeUtc);
        if (published >= changed)
        {
            PublishNote = $"used the existing {PublishFolder} (written {published:u})";
            return;
        }

        // About 40 s on a 2-core machine: scripts/test.sh and scripts/page-weight.sh publish first so that this rarely runs.
        var reason = published is null ? "missing" : "older than the sources";
        var (code, log) = await RunAsync(DotnetHost(), ["publish", WebProject, "-c", "Release", "-o", PublishFolder, "-nologo"], root, TimeSpan.FromMinutes(5));
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet publish {WebProject} -c Release failed (exit code {code}); the Release build in {PublishFolder} was {reason}:{Environment.NewLine}{log}");
        }

        PublishNote = $"published {PublishFolder} first (it was {reason})";
    }

    private static IEnumerable<string> SourceFiles(string root)
    {
        var skipped = BuildFolders.Select(d => $"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}").ToArray();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !skipped.Any(d => f.Contains(d, StringComparison.Ordinal)));
    }

    private async Task StartAppAsync(string publish)
    {
        dataFolder = Directory.CreateTempSubdirectory("planner-weight-");

        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(publish, AppDll)])
        {
            WorkingDirectory = publish,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // Port 0: Kestrel binds a free port and logs it, so no other process can take it in between
        // (as it could if the test picked a free port and let it go for the app to bind).
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Planner"] = $"Data Source={Path.Combine(dataFolder.FullName, "planner.db")}";
        // Production needs its public address, the hosts it answers and a mail server; no test here
        // sends mail, so the address need not carry the port, which is known only once Kestrel binds.
        start.Environment["App__PublicBaseUrl"] = "http://127.0.0.1/";
        start.Environment["AllowedHosts"] = "127.0.0.1";
        start.Environment["Email__Sender"] = "Smtp";
        start.Environment["Email__Smtp__Host"] = "smtp.invalid";
        start.Environment["Email__Smtp__From"] = "planner@planner.test";

        app = new Process { StartInfo = start };
        app.OutputDataReceived += (_, e) => Append(e.Data);
        app.ErrorDataReceived += (_, e) => Append(e.Data);
        app.Start();
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Uri? address = null;
        while (true)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The published app stopped at start-up (exit code {app.ExitCode}):{Environment.NewLine}{Output()}");
            }

            address ??= ListeningAddress();
            if (address is not null)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(address, "health"));
                    if (response.IsSuccessStatusCode)
                    {
                        BaseAddress = address;
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not answering yet.
                }
                catch (TaskCanceledException)
                {
                    // Busy migrating the new database.
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var where = address is null ? "logged no address to listen on" : $"did not answer {address}health";
                throw new TimeoutException($"The published app {where} within 60 s:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The address Kestrel logged once it had bound ("Now listening on: http://127.0.0.1:PORT").</summary>
    private Uri? ListeningAddress() =>
        ListeningLine().Match(Output()) is { Success: true } match ? new Uri(match.Groups[1].Value + "/") : null;

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The dotnet host that runs these tests (the CLI sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static async Task<(int Code, string Log)> RunAsync(string file, string[] args, string directory, TimeSpan timeout)
    {
        var log = new StringBuilder();
        using var process = new Process { StartInfo = new ProcessStartInfo(file, args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (log)
            {
                log.AppendLine(CultureInfo.InvariantCulture, $"(stopped after {timeout.TotalMinutes} minutes)");
            }
        }

        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }
}
