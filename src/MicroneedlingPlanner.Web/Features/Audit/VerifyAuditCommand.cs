using MicroneedlingPlanner.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Audit;

/// <summary>
/// `dotnet run --project src/MicroneedlingPlanner.Web -- verify-audit`: checks every link of the
/// audit log's hash chain. Exit code 0 when intact, 1 when broken (naming the first bad entry).
/// It prints the last hash: keep it, and a later run whose chain no longer reaches it shows that
/// entries were removed from the end, which a chain alone cannot show.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var report = await AuditLog.VerifyAsync(db, cancellationToken);
        var earlier = report.Unchained > 0 ? $" ({report.Unchained} earlier entries were written before the chain began)" : "";
        if (report.Intact)
        {
            await output.WriteLineAsync($"The audit log is intact: {report.Chained} chained entries{earlier}.");
            await output.WriteLineAsync($"Last hash: {report.LastHash}");
            return 0;
        }

        await output.WriteLineAsync($"The audit log is BROKEN. {report.Problem}");
        await output.WriteLineAsync($"{report.Chained} entries before it check out; the last good hash is {report.LastHash}.");
        return 1;
    }
}
