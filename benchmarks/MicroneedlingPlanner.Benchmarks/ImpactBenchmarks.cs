using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Benchmarks;

/// <summary>
/// The rules' impact preview over every stored plan: seed 10,000 plans with
/// <c>PLANS=10000 PATIENTS=3000 scripts/seed-plans.sh "$IMPACT_BENCH_CONNECTION"</c>, then
/// dotnet run -c Release --project benchmarks/MicroneedlingPlanner.Benchmarks -- --filter '*ImpactBenchmarks*'.
/// Each run reads every plan's answers, plans it with the published rules and with a draft that
/// gives acne scars one more session, and counts what would change.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ImpactBenchmarks
{
    public const string ConnectionVariable = "IMPACT_BENCH_CONNECTION";

    private static readonly ClaimsPrincipal Admin =
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "benchmark-admin"), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "Benchmark"));

    private RuleImpact impact = default!;
    private RuleSet draft = default!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? throw new InvalidOperationException($"Set {ConnectionVariable} to a database seeded by scripts/seed-plans.sh.");
        var factory = new Factory(new DbContextOptionsBuilder<PlannerDbContext>().UseNpgsql(connection).Options);
        var published = new PublishedRules(factory, NullLogger<PublishedRules>.Instance);
        await published.RefreshAsync();
        impact = new RuleImpact(factory, published, new ClinicClock(TimeProvider.System, Options.Create(new ClinicOptions())));
        draft = published.Current with
        {
            Concerns = [.. published.Current.Concerns.Select(c => c.Concern == Concern.AcneScars
                ? c with { Sessions = c.Sessions with { Default = c.Sessions.Default + 1, Max = c.Sessions.Max + 1 } }
                : c)],
        };
        var report = await Replay();
        Console.WriteLine($"// replayed {report.Stored.Total:N0} plans, skipped {report.Skipped}: {string.Join(" ", report.Stored.Describe())}");
    }

    [Benchmark(Description = "impact preview, every stored plan (three years)")]
    public Task<ImpactReport> Replay() =>
        impact.PreviewAsync(Admin, draft, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-4), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1));

    private sealed class Factory(DbContextOptions<PlannerDbContext> options) : IDbContextFactory<PlannerDbContext>
    {
        public PlannerDbContext CreateDbContext() => new PostgresPlannerDbContext(options);
    }
}
