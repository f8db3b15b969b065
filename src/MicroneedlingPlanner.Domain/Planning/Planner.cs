using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>
/// Turns valid answers and a rule set into a plan. Pure and deterministic: the same input
/// always gives the same plan, and dates come only from <c>startDate</c>.
/// </summary>
/// <remarks>
/// Several concerns make one series. Sessions: the highest minimum, maximum and default of the
/// chosen concerns, because one series must serve the most demanding concern. Interval: the
/// overlap of the concerns' ranges (or, if they do not overlap, the range of the concern with the
/// most sessions). Maintenance: from the lowest minimum to the lowest maximum, because upkeep is
/// due when the first concern needs it.
/// </remarks>
public static class Planner
{
    public const int MaintenanceHorizonMonths = 36;

    // Rule sets are immutable, so each one's citation index is built once, not once per plan.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSet, Dictionary<string, Citation>> CitationIndex = [];

    public static TreatmentPlan Create(IntakeAnswers answers, RuleSet rules, DateOnly startDate)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(rules);

        var cited = new CitationCollector(rules);
        var concerns = answers.Concerns.Distinct().Order().ToList();
        var concernRules = concerns.Select(c => rules.Concerns.First(r => r.Concern == c)).ToList();
        if (concernRules.Count == 0)
        {
            throw new ArgumentException("The answers name no concern; validate them with IntakeValidator first.", nameof(answers));
        }

        var primary = concernRules.MaxBy(r => r.Sessions.Default)!;
        var sessionsMin = concernRules.Max(r => r.Sessions.Min);
        var sessionsMax = concernRules.Max(r => r.Sessions.Max);
        var sessions = concernRules.Max(r => r.Sessions.Default);
        var intervalMin = concernRules.Max(r => r.IntervalWeeks.Min);
        var intervalMax = concernRules.Min(r => r.IntervalWeeks.Max);
        if (intervalMin > intervalMax)
        {
            (intervalMin, intervalMax) = (primary.IntervalWeeks.Min, primary.IntervalWeeks.Max);
        }

        var interval = Math.Clamp(concernRules.Max(r => r.IntervalWeeks.Default), intervalMin, intervalMax);
        var maintenanceMin = concernRules.Min(r => r.MaintenanceMonths.Min);
        var maintenanceMax = Math.Max(maintenanceMin, concernRules.Min(r => r.MaintenanceMonths.Max));

        var seriesCitations = cited.Union(concernRules.SelectMany(r => r.Sessions.Citations.Concat(r.IntervalWeeks.Citations)));
        var maintenanceCitations = cited.Union(concernRules.SelectMany(r => r.MaintenanceMonths.Citations));

        var adjustments = new List<Adjustment>();
        var advice = new List<PlanAdvice>();
        var earlier = 0;
        var later = 0;
        foreach (var modifier in rules.Modifiers.Where(m => Conditions.Holds(m.When, answers)))
        {
            cited.Add(modifier.Citations);
            var before = sessions;
            switch (modifier.Effect)
            {
                case EffectKind.SessionsUp:
                    sessions = Math.Min(sessions + modifier.Steps, sessionsMax);
                    adjustments.Add(new(modifier.Id, SessionChange(before, sessions, sessionsMax, "top"), modifier.Reason, modifier.Citations));
                    break;
                case EffectKind.SessionsDown:
                    sessions = Math.Max(sessions - modifier.Steps, sessionsMin);
                    adjustments.Add(new(modifier.Id, SessionChange(before, sessions, sessionsMin, "bottom"), modifier.Reason, modifier.Citations));
                    break;
                case EffectKind.MaintenanceEarlier:
                    earlier++;
                    adjustments.Add(new(modifier.Id, "Maintenance moves toward the early end of its window.", modifier.Reason, modifier.Citations));
                    break;
                case EffectKind.MaintenanceLater:
                    later++;
                    adjustments.Add(new(modifier.Id, "Maintenance moves toward the late end of its window.", modifier.Reason, modifier.Citations));
                    break;
                case EffectKind.Advice:
                    break;
            }

            // Two rules may give the same advice (e.g. for severe and for deep scars): say it once.
            if (modifier.Advice is { } text && !advice.Exists(a => a.Text == text))
            {
                advice.Add(new(modifier.Id, text, modifier.Citations));
            }
        }

        // Factors for earlier and later upkeep cancel out; what remains picks a half of the window.
        var middle = (maintenanceMin + maintenanceMax) / 2;
        var (patientMin, patientMax) = (earlier - later) switch
        {
            > 0 => (maintenanceMin, middle),
            < 0 => (middle, maintenanceMax),
            _ => (maintenanceMin, maintenanceMax),
        };

        var flags = new List<PlanFlag>();
        var reviewReasons = new List<string>();
        foreach (var rule in rules.Screening.Where(s => Conditions.Holds(s.When, answers)))
        {
            cited.Add(rule.Citations);
            var severity = rule.Action == ScreeningAction.Refer ? FlagSeverity.Refer : FlagSeverity.Caution;
            flags.Add(new(rule.Code, severity, rule.Message, rule.Citations));
            if (severity == FlagSeverity.Refer)
            {
                reviewReasons.Add(rule.Message);
            }
        }

        var sessionDates = new DateOnly[sessions];
        for (var i = 0; i < sessions; i++)
        {
            sessionDates[i] = startDate.AddDays(i * interval * 7);
        }

        var lastSession = sessionDates[^1];
        var milestones = rules.Milestones
            .Where(m => m.AppliesTo.Count == 0 || m.AppliesTo.Any(concerns.Contains))
            .GroupBy(m => m.Key)
            .Select(group =>
            {
                var first = group.First();
                var anchor = first.Anchor == MilestoneAnchor.FirstSession ? startDate : lastSession;
                var ids = cited.Union(group.SelectMany(m => m.Citations));
                return new PlannedMilestone(first.Key, first.Label, anchor.AddDays(group.Min(m => m.FromDays)), anchor.AddDays(group.Max(m => m.ToDays)), ids);
            })
            .OrderBy(m => m.From)
            .ToList();

        var windows = new List<DateWindow>();
        for (var anchor = lastSession; anchor.AddMonths(patientMin) <= lastSession.AddMonths(MaintenanceHorizonMonths); anchor = anchor.AddMonths(patientMin))
        {
            windows.Add(new(anchor.AddMonths(patientMin), anchor.AddMonths(patientMax)));
        }

        var aftercare = rules.Aftercare
            .OrderBy(a => a.Timing)
            .Select(a => new PlannedAftercare(a.Timing, a.Text, cited.Add(a.Citations)))
            .ToList();
        // A treatment suggested for several reasons appears once, with the first reason.
        var adjuncts = rules.Adjuncts
            .Where(a => Conditions.Holds(a.When, answers))
            .GroupBy(a => a.Treatment)
            .Select(g => new PlannedAdjunct(g.Key, g.First().Reason, cited.Union(g.SelectMany(a => a.Citations))))
            .ToList();
        foreach (var disagreement in rules.Disagreements)
        {
            cited.Add(disagreement.Citations);
        }

        return new TreatmentPlan(
            reviewReasons.Count > 0 ? PlanStatus.NeedsClinicianReview : PlanStatus.Ready,
            reviewReasons,
            rules.Version,
            new InitialSeries(sessions, sessionsMin, sessionsMax, interval, intervalMin, intervalMax, sessionDates, seriesCitations),
            new MaintenancePlan(patientMin, patientMax, maintenanceMin, maintenanceMax, windows, maintenanceCitations),
            milestones,
            aftercare,
            adjuncts,
            flags,
            advice,
            adjustments,
            rules.Disagreements,
            cited.Resolved());
    }

    private static string SessionChange(int before, int after, int limit, string end) =>
        before == after && after == limit
            ? $"Sessions stay at {after}, the {end} of the range."
            : $"Sessions from {before} to {after}.";

    /// <summary>Gathers the ids a plan cites and resolves each once, in first-use order.</summary>
    private sealed class CitationCollector(RuleSet rules)
    {
        private readonly List<string> order = [];
        private readonly HashSet<string> seen = [];

        public IReadOnlyList<string> Add(IReadOnlyList<string> ids)
        {
            foreach (var id in ids)
            {
                if (seen.Add(id))
                {
                    order.Add(id);
                }
            }

            return ids;
        }

        public IReadOnlyList<string> Union(IEnumerable<string> ids) => Add(ids.Distinct().ToList());

        public List<Citation> Resolved()
        {
            var byId = CitationIndex.GetValue(rules, r => r.Citations.ToDictionary(c => c.Id));
            var resolved = new List<Citation>(order.Count);
            foreach (var id in order)
            {
                resolved.Add(byId[id]);
            }

            return resolved;
        }
    }
}
