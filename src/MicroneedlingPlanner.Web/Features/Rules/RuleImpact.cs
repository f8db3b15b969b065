using System.Diagnostics;
using System.Security.Claims;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Rules;

/// <summary>A reference patient planned with the published rules and with the draft.</summary>
public sealed record ProfileImpact(string Name, TreatmentPlan Published, TreatmentPlan Draft, PlanDifference Difference);

/// <summary>A stored plan that the draft would plan differently (no patient's name: the reference is enough to look it up).</summary>
public sealed record StoredPlanImpact(Guid PlanId, string Reference, DateTime SubmittedAt, PlanDifference Difference);

public sealed record ImpactReport(
    int PublishedNumber,
    IReadOnlyList<ProfileImpact> Profiles,
    ImpactSummary Stored,
    IReadOnlyList<StoredPlanImpact> Changed,
    int Skipped,
    TimeSpan Took)
{
    /// <summary>At most this many changed plans are listed one by one; the counts cover them all.</summary>
    public const int MaxListed = 200;
}

/// <summary>
/// What a draft would do before it is published: the reference patients, and every plan submitted
/// in a period replayed from its stored answers with its original first-session date, each planned
/// with the published rules and with the draft. Stored plans themselves are never recomputed.
/// </summary>
public sealed class RuleImpact(IDbContextFactory<PlannerDbContext> factory, PublishedRules published, ClinicClock clinic)
{
    public async Task<ImpactReport> PreviewAsync(ClaimsPrincipal user, RuleSet draft, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        Roles.RequireAdmin(user);
        ArgumentNullException.ThrowIfNull(draft);
        if (RuleSetValidator.Validate(draft).Count > 0)
        {
            throw new ArgumentException("Only a draft without problems can be previewed; the editor lists them.", nameof(draft));
        }

        var watch = Stopwatch.StartNew();
        var current = published.Current;
        var profiles = ReferenceProfiles.All.Select(p =>
        {
            var before = Planner.Create(p.Answers, current, ReferenceProfiles.Start);
            var after = Planner.Create(p.Answers, draft, ReferenceProfiles.Start);
            return new ProfileImpact(p.Name, before, after, PlanComparison.Compare(before, after));
        }).ToList();

        var summary = new ImpactSummary();
        var changed = new List<StoredPlanImpact>();
        var skipped = 0;
        var start = clinic.StartOfDayUtc(from);
        var end = clinic.StartOfDayUtc(to.AddDays(1));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.SubmittedPlans.AsNoTracking()
            .Where(p => p.SubmittedAt >= start && p.SubmittedAt < end)
            .OrderBy(p => p.SubmittedAt)
            .Select(p => new { p.Id, p.Reference, p.SubmittedAt, p.FirstSessionDate, p.AnswersJson })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            PlanDifference difference;
            try
            {
                var answers = Snapshot.Read<IntakeAnswers>(row.AnswersJson);
                difference = PlanComparison.Compare(
                    Planner.Create(answers, current, row.FirstSessionDate),
                    Planner.Create(answers, draft, row.FirstSessionDate));
            }
            catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException or InvalidOperationException)
            {
                // Answers stored under an older questionnaire that today's planner cannot read: counted, never guessed.
                skipped++;
                continue;
            }

            summary.Add(difference);
            if (!difference.IsSame && changed.Count < ImpactReport.MaxListed)
            {
                changed.Add(new StoredPlanImpact(row.Id, row.Reference, row.SubmittedAt, difference));
            }
        }

        return new ImpactReport(published.Number, profiles, summary, changed, skipped, watch.Elapsed);
    }

    /// <summary>
    /// How the published rules would plan a stored plan today, from its answers and first-session
    /// date; null when they would plan it the same or its answers cannot be replayed.
    /// </summary>
    public PlanDifference? AgainstPublished(IntakeAnswers answers, TreatmentPlan stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.RulesVersion == RuleVersions.Label(published.Number) || stored.InitialSeries.SessionDates.Count == 0)
        {
            return null;
        }

        try
        {
            var difference = PlanComparison.Compare(stored, Planner.Create(answers, published.Current, stored.InitialSeries.SessionDates[0]));
            return difference.IsSame ? null : difference;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
