using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Recalls;

/// <summary>
/// Plans sent before the MaintenanceWindows table existed get their windows at start-up, read
/// from their stored JSON in C# (the same code as at submission, on either provider). Idempotent:
/// only plans without window rows are read, a batch at a time.
/// </summary>
public static class MaintenanceWindowBackfill
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PlannerDbContext>>();
        var total = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var batch = await db.SubmittedPlans.AsNoTracking()
                .Where(p => !db.MaintenanceWindows.Any(w => w.PlanId == p.Id))
                .OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.PlanJson })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var windows = batch.SelectMany(p => PatientPlans.WindowsOf(p.Id, Snapshot.Read<TreatmentPlan>(p.PlanJson))).ToList();
            if (windows.Count == 0)
            {
                return total;
            }

            db.MaintenanceWindows.AddRange(windows);
            await db.SaveChangesAsync(cancellationToken);
            total += batch.Count;
        }
    }
}
