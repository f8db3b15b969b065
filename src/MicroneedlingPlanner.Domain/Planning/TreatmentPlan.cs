using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Planning;

public enum PlanStatus
{
    Ready,

    /// <summary>A screening rule says a clinician must assess first; no date is settled.</summary>
    NeedsClinicianReview,
}

/// <summary>
/// A proposed plan. Everything in it names its citations by id; <see cref="Citations"/> holds
/// each citation once and <see cref="Sources"/> each source they point to, so a stored plan
/// names its sources even after the rules change. <see cref="PrimaryConcern"/> is the chosen concern that asks for the
/// most sessions, the one the series is built around.
/// </summary>
public sealed record TreatmentPlan(
    PlanStatus Status,
    IReadOnlyList<string> ReviewReasons,
    string RulesVersion,
    Concern PrimaryConcern,
    InitialSeries InitialSeries,
    MaintenancePlan Maintenance,
    IReadOnlyList<PlannedMilestone> Milestones,
    IReadOnlyList<PlannedAftercare> Aftercare,
    IReadOnlyList<PlannedAdjunct> Adjuncts,
    IReadOnlyList<PlanFlag> Flags,
    IReadOnlyList<PlanAdvice> Advice,
    IReadOnlyList<Adjustment> Adjustments,
    IReadOnlyList<SourceDisagreement> Disagreements,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<Source> Sources);

public sealed record InitialSeries(
    int Sessions,
    int SessionsMin,
    int SessionsMax,
    int IntervalWeeks,
    int IntervalWeeksMin,
    int IntervalWeeksMax,
    IReadOnlyList<DateOnly> SessionDates,
    IReadOnlyList<string> Citations);

/// <summary>The patient's maintenance interval (within the rules' range) and the dated windows for three years.</summary>
public sealed record MaintenancePlan(
    int IntervalMonthsMin,
    int IntervalMonthsMax,
    int RangeMonthsMin,
    int RangeMonthsMax,
    IReadOnlyList<DateWindow> Windows,
    IReadOnlyList<string> Citations)
{
    /// <summary>
    /// The window to book in: the one open on <paramref name="today"/>, or else the next to open;
    /// null once every window has closed. A stored plan keeps all its windows, so this is read
    /// against the day it is asked, never fixed when the plan was made.
    /// </summary>
    public DateWindow? Next(DateOnly today) => Windows.FirstOrDefault(w => w.End >= today);
}

public sealed record DateWindow(DateOnly Start, DateOnly End);

public sealed record PlannedMilestone(string Key, string Label, DateOnly From, DateOnly To, IReadOnlyList<string> Citations)
{
    /// <summary>
    /// The session the milestone counts from, so a revised plan can re-date it. Null in plans
    /// stored before it was recorded; <see cref="Planner.Revise"/> then reads it from the dates.
    /// </summary>
    public MilestoneAnchor? Anchor { get; init; }
}

public sealed record PlannedAftercare(AftercareTiming Timing, string Text, IReadOnlyList<string> Citations);

public sealed record PlannedAdjunct(string Treatment, string Reason, IReadOnlyList<string> Citations);

public enum FlagSeverity { Refer, Caution }

public sealed record PlanFlag(string Code, FlagSeverity Severity, string Message, IReadOnlyList<string> Citations);

public sealed record PlanAdvice(string RuleId, string Text, IReadOnlyList<string> Citations);

/// <summary>A rule that changed the plan for this patient, what it changed and why.</summary>
public sealed record Adjustment(string RuleId, string Change, string Reason, IReadOnlyList<string> Citations);
