using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>
/// The treatment rules as plain data: what an admin edits, what a stored plan remembers by
/// <see cref="Version"/>. Every number and every piece of advice names its citations by id, and
/// every citation names its source by id; <see cref="RuleSetValidator"/> checks that they resolve.
/// </summary>
public sealed record RuleSet
{
    public required string Version { get; init; }
    public required IReadOnlyList<ConcernRule> Concerns { get; init; }
    public required IReadOnlyList<MilestoneRule> Milestones { get; init; }
    public required IReadOnlyList<Modifier> Modifiers { get; init; }
    public required IReadOnlyList<ScreeningRule> Screening { get; init; }
    public required IReadOnlyList<AftercareItem> Aftercare { get; init; }
    public required IReadOnlyList<AdjunctRule> Adjuncts { get; init; }
    public required IReadOnlyList<SourceDisagreement> Disagreements { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
}

/// <summary>A whole-number range with the sources for it.</summary>
public sealed record CitedRange(int Min, int Max, IReadOnlyList<string> Citations);

/// <summary>A range with the value used when nothing moves it.</summary>
public sealed record CitedDefaultRange(int Min, int Max, int Default, IReadOnlyList<string> Citations);

/// <summary>The initial series and upkeep for one concern.</summary>
public sealed record ConcernRule(
    Concern Concern,
    CitedDefaultRange Sessions,
    CitedDefaultRange IntervalWeeks,
    CitedRange MaintenanceMonths);

/// <summary>When a milestone is counted from.</summary>
public enum MilestoneAnchor { FirstSession, LastSession }

/// <summary>
/// Something a patient can expect, as a span of days after the anchor. <see cref="AppliesTo"/>
/// empty means every concern; otherwise only plans with one of those concerns get it.
/// </summary>
public sealed record MilestoneRule(
    string Key,
    string Label,
    MilestoneAnchor Anchor,
    int FromDays,
    int ToDays,
    IReadOnlyList<Concern> AppliesTo,
    IReadOnlyList<string> Citations);

/// <summary>
/// One test on one answer, named by its <see cref="AnswerDescription.Name"/> (e.g. <c>smoking</c>):
/// <see cref="AnyOf"/> matches when the answer (or any item of a list answer) is one of the named
/// values; <see cref="AtLeast"/>/<see cref="AtMost"/> bound a number; <see cref="Is"/> matches a
/// yes/no answer.
/// </summary>
public sealed record Clause(string Field, IReadOnlyList<string>? AnyOf = null, int? AtLeast = null, int? AtMost = null, bool? Is = null);

/// <summary>All clauses must hold.</summary>
public sealed record RuleCondition(IReadOnlyList<Clause> AllOf);

public enum EffectKind
{
    /// <summary>More sessions, within the concern's range.</summary>
    SessionsUp,

    /// <summary>Fewer sessions, within the concern's range.</summary>
    SessionsDown,

    /// <summary>More weeks between sessions, within the concern's range: skin that heals more slowly gets longer to recover.</summary>
    IntervalLonger,

    /// <summary>Maintenance toward the early end of its window: results are expected to fade sooner.</summary>
    MaintenanceEarlier,

    /// <summary>Maintenance toward the late end of its window.</summary>
    MaintenanceLater,

    /// <summary>Only advice.</summary>
    Advice,
}

/// <summary>
/// A change to the plan when a condition on the answers holds, with the reason shown to the
/// patient. <see cref="Steps"/> counts sessions for the session effects and weeks for the interval effect.
/// </summary>
public sealed record Modifier(
    string Id,
    RuleCondition When,
    EffectKind Effect,
    int Steps,
    string Reason,
    string? Advice,
    IReadOnlyList<string> Citations);

public enum ScreeningAction
{
    /// <summary>A clinician must assess first: the plan is not presented as ready.</summary>
    Refer,

    /// <summary>The plan stands, with a point for the clinician and the patient to discuss.</summary>
    Caution,
}

public sealed record ScreeningRule(
    string Code,
    RuleCondition When,
    ScreeningAction Action,
    string Message,
    IReadOnlyList<string> Citations);

public enum AftercareTiming { BeforeSession, FirstDay, FirstDays, UntilHealed, Ongoing }

public sealed record AftercareItem(string Id, AftercareTiming Timing, string Text, IReadOnlyList<string> Citations);

public sealed record AdjunctRule(string Treatment, RuleCondition When, string Reason, IReadOnlyList<string> Citations);

/// <summary>What the plan's figures are about, for showing where the sources disagree.</summary>
public enum PlanTopic { Sessions, Interval, Results, Longevity, Maintenance }

/// <summary>Where the sources differ: the default chosen, why, and the alternative a patient should see.</summary>
public sealed record SourceDisagreement(
    PlanTopic Topic,
    string DefaultChoice,
    string Alternative,
    IReadOnlyList<string> Citations);
