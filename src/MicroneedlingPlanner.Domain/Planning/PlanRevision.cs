using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>
/// A clinician's proposed value for one part of a plan: the value, why, and (only when the value
/// lies outside the rules' range) why the clinician goes outside it.
/// </summary>
public sealed record ProposedValue<T>(T Value, string Reason, string? OverrideReason = null);

/// <summary>A maintenance interval in whole months after the series: the window's opening and closing month.</summary>
public sealed record MonthRange(int Min, int Max);

/// <summary>What a clinician proposes to change in a plan; a part left null stays as it is.</summary>
public sealed record PlanRevision
{
    public ProposedValue<int>? Sessions { get; init; }
    public ProposedValue<int>? IntervalWeeks { get; init; }
    public ProposedValue<DateOnly>? StartDate { get; init; }
    public ProposedValue<MonthRange>? MaintenanceMonths { get; init; }
}

/// <summary>The parts of a plan a clinician can change.</summary>
public enum RevisedField { Sessions, IntervalWeeks, StartDate, MaintenanceMonths }

/// <summary>
/// One change in words, for the plan's history and for the patient: what it was, what it becomes,
/// why, and whether it goes outside the rules' range (with the clinician's reason for that).
/// </summary>
public sealed record PlanChange(RevisedField Field, string Label, string Before, string After, string Reason, bool OutsideRange, string? OverrideReason);

/// <summary>Either the revised plan with its changes, or every problem with the proposal (each tied to its field).</summary>
public sealed record RevisionResult(TreatmentPlan? Plan, IReadOnlyList<PlanChange> Changes, IReadOnlyList<FieldError> Errors);

public static partial class Planner
{
    /// <summary>The id that marks a clinician's change among a plan's adjustments.</summary>
    public const string ClinicianRuleId = "clinician";

    /// <summary>
    /// Applies a clinician's changes to a plan and re-dates it with the planner's own rules: the
    /// sessions from the start date at the interval, the milestones from the first or last
    /// session, the maintenance windows from the last session. Every change needs a reason; a
    /// value outside the rules' range needs an override reason as well. Nothing else in the plan
    /// changes; each change is added to its adjustments, so "why this plan" names it.
    /// </summary>
    /// <param name="plan">The plan as it stands (the patient's, or an earlier revision).</param>
    /// <param name="today">The clinic's today: a new start date may not be in the past.</param>
    public static RevisionResult Revise(TreatmentPlan plan, PlanRevision changes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(changes);

        var errors = new List<FieldError>();
        var made = new List<PlanChange>();
        var series = plan.InitialSeries;
        var maintenance = plan.Maintenance;

        var sessions = Check(changes.Sessions, "sessions", "Number of sessions", series.Sessions, series.SessionsMin, series.SessionsMax, 1, MaxSessions,
            v => $"{v} session{(v == 1 ? "" : "s")}", errors, made);
        var interval = Check(changes.IntervalWeeks, "intervalWeeks", "Time between sessions", series.IntervalWeeks, series.IntervalWeeksMin, series.IntervalWeeksMax, 1, MaxIntervalWeeks,
            v => $"{v} week{(v == 1 ? "" : "s")}", errors, made);

        var start = series.SessionDates[0];
        if (changes.StartDate is { } startChange)
        {
            var reasonOk = RequireReason(startChange.Reason, "startDate", "the start date", errors);
            if (startChange.Value == start)
            {
                errors.Add(new("startDate", $"The first session is already on {Words(start)}; choose another date or leave it unchanged."));
            }
            else if (startChange.Value < today)
            {
                errors.Add(new("startDate", $"The first session cannot be in the past (today is {Words(today)})."));
            }
            else if (reasonOk)
            {
                made.Add(new(RevisedField.StartDate, "First session", Words(start), Words(startChange.Value), startChange.Reason.Trim(), false, null));
                start = startChange.Value;
            }
        }

        var (monthsMin, monthsMax) = (maintenance.IntervalMonthsMin, maintenance.IntervalMonthsMax);
        if (changes.MaintenanceMonths is { } window)
        {
            var (min, max) = (window.Value.Min, window.Value.Max);
            var reasonOk = RequireReason(window.Reason, "maintenanceMonths", "the maintenance window", errors);
            var outside = min < maintenance.RangeMonthsMin || max > maintenance.RangeMonthsMax;
            if (min < 1 || max > MaxMaintenanceMonths || min > max)
            {
                errors.Add(new("maintenanceMonths", $"The maintenance window needs a first month of at least 1 and a last month no earlier than the first, at most {MaxMaintenanceMonths}."));
            }
            else if ((min, max) == (monthsMin, monthsMax))
            {
                errors.Add(new("maintenanceMonths", $"Maintenance is already every {monthsMin} to {monthsMax} months; choose other months or leave it unchanged."));
            }
            else if (OverrideOk(outside, window.OverrideReason, "maintenanceMonths", $"{maintenance.RangeMonthsMin} to {maintenance.RangeMonthsMax} months", errors) && reasonOk)
            {
                made.Add(new(RevisedField.MaintenanceMonths, "Maintenance window", Months(monthsMin, monthsMax), Months(min, max), window.Reason.Trim(), outside,
                    outside ? window.OverrideReason!.Trim() : null));
                (monthsMin, monthsMax) = (min, max);
            }
        }

        if (errors.Count == 0 && made.Count == 0)
        {
            errors.Add(new("changes", "Propose at least one change: sessions, time between sessions, start date or maintenance window."));
        }

        if (errors.Count > 0)
        {
            return new(null, [], errors);
        }

        var dates = SessionDates(start, sessions, interval);
        var oldFirst = series.SessionDates[0];
        var oldLast = series.SessionDates[^1];
        var milestones = plan.Milestones
            .Select(m =>
            {
                var anchor = m.Anchor ?? (m.From > oldLast && series.Sessions > 1 ? MilestoneAnchor.LastSession : MilestoneAnchor.FirstSession);
                var (from, to) = anchor == MilestoneAnchor.LastSession ? (oldLast, dates[^1]) : (oldFirst, dates[0]);
                var shift = to.DayNumber - from.DayNumber;
                return m with { From = m.From.AddDays(shift), To = m.To.AddDays(shift), Anchor = anchor };
            })
            .OrderBy(m => m.From)
            .ToArray();

        var revised = plan with
        {
            InitialSeries = series with { Sessions = sessions, IntervalWeeks = interval, SessionDates = dates },
            Maintenance = maintenance with { IntervalMonthsMin = monthsMin, IntervalMonthsMax = monthsMax, Windows = MaintenanceWindows(dates[^1], monthsMin, monthsMax) },
            Milestones = milestones,
            Adjustments = [.. plan.Adjustments, .. made.Select(c => new Adjustment(ClinicianRuleId, $"{c.Label} changed by the clinic from {c.Before} to {c.After}.", c.Reason, []))],
        };
        return new(revised, made, []);
    }

    // Hard limits no override can pass: beyond them the value is a typing mistake, not a clinical choice.
    public const int MaxSessions = 12;
    public const int MaxIntervalWeeks = 26;
    public const int MaxMaintenanceMonths = 60;

    private static int Check(ProposedValue<int>? change, string field, string label, int current, int rangeMin, int rangeMax, int hardMin, int hardMax,
        Func<int, string> words, List<FieldError> errors, List<PlanChange> made)
    {
        if (change is null)
        {
            return current;
        }

        var reasonOk = RequireReason(change.Reason, field, label.ToLowerInvariant(), errors);
        var outside = change.Value < rangeMin || change.Value > rangeMax;
        if (change.Value < hardMin || change.Value > hardMax)
        {
            errors.Add(new(field, $"{label} must be between {hardMin} and {hardMax}."));
            return current;
        }

        if (change.Value == current)
        {
            errors.Add(new(field, $"{label} is already {words(current)}; choose another value or leave it unchanged."));
            return current;
        }

        if (!OverrideOk(outside, change.OverrideReason, field, $"{rangeMin} to {rangeMax}", errors) || !reasonOk)
        {
            return current;
        }

        made.Add(new(Enum.Parse<RevisedField>(field, ignoreCase: true), label, words(current), words(change.Value), change.Reason.Trim(), outside,
            outside ? change.OverrideReason!.Trim() : null));
        return change.Value;
    }

    private static bool RequireReason(string? reason, string field, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new($"{field}.reason", $"Give a reason for changing {what}; the patient reads it."));
            return false;
        }

        return true;
    }

    private static bool OverrideOk(bool outside, string? overrideReason, string field, string range, List<FieldError> errors)
    {
        if (outside && string.IsNullOrWhiteSpace(overrideReason))
        {
            errors.Add(new($"{field}.override", $"This is outside the rules' range ({range}). To go outside it, confirm the override and give its reason."));
            return false;
        }

        return true;
    }

    private static string Months(int min, int max) => $"every {min} to {max} months";

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
