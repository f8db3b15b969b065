using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Rules;

public sealed class RulesOptions
{
    public const string Section = "Rules";

    /// <summary>When on, a draft is published only after an admin other than its authors approves it.</summary>
    public bool RequireSecondAdmin { get; set; }

    /// <summary>How often each app instance asks the database which version is published.</summary>
    public double RefreshSeconds { get; set; } = 2;
}

/// <summary>
/// The published rule set, which every new plan and preview uses. Each app instance keeps it in
/// memory and asks the database every <see cref="RulesOptions.RefreshSeconds"/> which version is
/// published (one indexed read of one row), so a publish made on any instance serves new plans
/// on all of them within seconds, with nothing between the instances but the database.
/// </summary>
public sealed partial class PublishedRules(IDbContextFactory<PlannerDbContext> factory, ILogger<PublishedRules> log)
{
    private sealed record Loaded(int Number, RuleSet Rules);

    private volatile Loaded? loaded;

    public RuleSet Current => (loaded ?? throw new InvalidOperationException("The published rules are read at start-up; none are loaded yet.")).Rules;

    public int Number => loaded?.Number ?? 0;

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var number = await db.RuleVersions.Where(v => v.State == RuleVersionState.Published)
            .Select(v => (int?)v.Number).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("No version of the treatment rules is published; the migration RuleVersions seeds version 1.");
        if (loaded?.Number == number)
        {
            return;
        }

        var json = await db.RuleVersions.Where(v => v.Number == number).Select(v => v.RulesJson).SingleAsync(cancellationToken);
        loaded = new Loaded(number, RulesJson.Read(json));
        Serving(log, number);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Treatment rules version {Number} now serve new plans.")]
    private static partial void Serving(ILogger logger, int number);
}

internal sealed partial class PublishedRulesRefresh(PublishedRules rules, IOptions<RulesOptions> options, ILogger<PublishedRulesRefresh> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await rules.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The instance keeps serving the version it has; the next tick tries again.
                CheckFailed(log, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check which treatment rules are published.")]
    private static partial void CheckFailed(ILogger logger, Exception exception);
}
