using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MicroneedlingPlanner.Benchmarks;

/// <summary>
/// The pages the performance targets name, against a database seeded by scripts/seed-plans.sh.
/// Each is one <see cref="ReviewQueue.LoadPageAsync"/> call, as the grid makes it.
/// </summary>
public static class QueueScenarios
{
    public const string ConnectionVariable = "QUEUE_BENCH_CONNECTION";

    public static readonly ClaimsPrincipal Staff =
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "benchmark-staff"), new Claim(ClaimTypes.Role, Roles.Staff), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "Benchmark"));

    public static ReviewQueue CreateQueue(string connection, params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<PlannerDbContext>().UseNpgsql(connection).AddInterceptors(interceptors).Options;
        return new ReviewQueue(new Factory(options), new ClinicClock(TimeProvider.System, Options.Create(new ClinicOptions())));
    }

    /// <summary>The key of the row half way through the whole table in the default order: where a "deep" page starts.</summary>
    public static async Task<QueueKey> MiddleKeyAsync(string connection)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        await using var command = data.CreateCommand("""
            SELECT "NeedsClinicianReview", "SubmittedAt", "PatientName", "FirstSessionDate", "Reference" FROM "SubmittedPlans"
            ORDER BY "NeedsClinicianReview" DESC, "SubmittedAt", "Reference" OFFSET (SELECT count(*) / 2 FROM "SubmittedPlans") LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new QueueKey(reader.GetBoolean(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetString(2),
            DateOnly.FromDateTime(reader.GetDateTime(3)), reader.GetString(4));
    }

    /// <summary>What the page opens with: plans sent and waiting, needing a clinician first, oldest first.</summary>
    public static QueueRequest FirstPage() => new(new QueueFilter { Status = Domain.Review.SubmissionStatus.Submitted });

    /// <summary>Several filters at once over every status: acne scars with a refer flag sent in the last year.</summary>
    public static QueueRequest FilteredPage() => new(new QueueFilter
    {
        Concern = Concern.AcneScars,
        AnyRefer = true,
        SubmittedFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-365),
    });

    /// <summary>Part of a common surname, any status.</summary>
    public static QueueRequest NameSearch() => new(new QueueFilter { Search = "okafo" });

    /// <summary>Part of a common surname among plans sent and waiting (the page's default status).</summary>
    public static QueueRequest NameSearchWaiting() => new(new QueueFilter { Search = "okafo", Status = Domain.Review.SubmissionStatus.Submitted });

    /// <summary>Half way through a million plans, any status, default order.</summary>
    public static QueueRequest DeepPage(QueueKey middle) => new(new QueueFilter(), After: middle);

    /// <summary>Sorted by patient name, descending, any status.</summary>
    public static QueueRequest ByPatient() => new(new QueueFilter(), QueueSort.Patient, Descending: true);

    private sealed class Factory(DbContextOptions<PlannerDbContext> options) : IDbContextFactory<PlannerDbContext>
    {
        public PlannerDbContext CreateDbContext() => new PostgresPlannerDbContext(options);
    }
}

/// <summary>
/// dotnet run -c Release --project benchmarks/MicroneedlingPlanner.Benchmarks -- --filter '*QueueBenchmarks*'
/// with QUEUE_BENCH_CONNECTION set to the seeded database.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class QueueBenchmarks
{
    private ReviewQueue queue = default!;
    private QueueKey middle = default!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connection = Environment.GetEnvironmentVariable(QueueScenarios.ConnectionVariable)
            ?? throw new InvalidOperationException($"Set {QueueScenarios.ConnectionVariable} to a database seeded by scripts/seed-plans.sh.");
        queue = QueueScenarios.CreateQueue(connection);
        middle = await QueueScenarios.MiddleKeyAsync(connection);
    }

    [Benchmark(Description = "first page (sent, waiting)")]
    public Task<QueuePage> FirstPage() => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.FirstPage());

    [Benchmark(Description = "filtered page (acne scars, refer, last year)")]
    public Task<QueuePage> FilteredPage() => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.FilteredPage());

    [Benchmark(Description = "deep page (after row 500,000)")]
    public Task<QueuePage> DeepPage() => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.DeepPage(middle));

    [Benchmark(Description = "name search ('okafo')")]
    public Task<QueuePage> NameSearch() => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.NameSearch());

    [Benchmark(Description = "name search among waiting plans")]
    public Task<QueuePage> NameSearchWaiting() => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.NameSearchWaiting());

    [Benchmark(Description = "by patient name, descending")]
    public Task<QueuePage> ByPatient() => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.ByPatient());

    [Benchmark(Description = "menu count (sent, waiting)")]
    public Task<int> MenuCount() => queue.CountWaitingAsync(QueueScenarios.Staff);
}

/// <summary>
/// Runs each scenario's queries as the service sends them, but first as EXPLAIN (ANALYZE, BUFFERS)
/// with the same parameters, and prints the plans and the median database time of 11 runs.
/// </summary>
public static class QueueExplain
{
    public static async Task RunAsync(string connection)
    {
        var explainer = new Explainer();
        var queue = QueueScenarios.CreateQueue(connection, explainer);
        var middle = await QueueScenarios.MiddleKeyAsync(connection);
        (string Name, Func<Task> Run)[] scenarios =
        [
            ("first page (sent, waiting)", () => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.FirstPage())),
            ("filtered page (acne scars, refer, last year)", () => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.FilteredPage())),
            ("deep page (after row 500,000)", () => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.DeepPage(middle))),
            ("name search ('okafo')", () => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.NameSearch())),
            ("name search among waiting plans", () => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.NameSearchWaiting())),
            ("by patient name, descending", () => queue.LoadPageAsync(QueueScenarios.Staff, QueueScenarios.ByPatient())),
            ("menu count (sent, waiting)", () => queue.CountWaitingAsync(QueueScenarios.Staff)),
        ];
        foreach (var (name, run) in scenarios)
        {
            var totals = new List<double>();
            for (var i = 0; i < 11; i++)
            {
                explainer.Start(print: i == 0);
                await run();
                totals.Add(explainer.TotalMilliseconds);
            }

            totals.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== {name}: {explainer.Queries} queries, database time median {totals[5]:F2} ms (min {totals[0]:F2}, max {totals[^1]:F2}; planning + execution, summed over the call's queries)"));
            Console.WriteLine();
        }
    }

    private sealed class Explainer : DbCommandInterceptor
    {
        private bool print;

        public double TotalMilliseconds { get; private set; }

        public int Queries { get; private set; }

        public void Start(bool print)
        {
            this.print = print;
            TotalMilliseconds = 0;
            Queries = 0;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await ExplainAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await ExplainAsync(command, cancellationToken);
            return result;
        }

        private async Task ExplainAsync(DbCommand command, CancellationToken cancellationToken)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }

            Queries++;
            TotalMilliseconds += lines.Where(l => l.StartsWith("Planning Time:", StringComparison.Ordinal) || l.StartsWith("Execution Time:", StringComparison.Ordinal))
                .Sum(l => double.Parse(l.Split(':')[1].Replace("ms", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
            if (print)
            {
                Console.WriteLine(command.CommandText);
                Console.WriteLine(string.Join(", ", command.Parameters.Cast<NpgsqlParameter>().Select(p => $"{p.ParameterName} = {p.Value}")));
                lines.ForEach(Console.WriteLine);
                Console.WriteLine();
            }
        }
    }
}
