using System.Globalization;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>
/// What differs between two plans for the same answers, in the terms an admin weighs a rule change
/// by: the series, upkeep, flags and whether a clinician must see the patient first. Wording and
/// citations are left out on purpose: a reworded reason changes no one's treatment.
/// </summary>
public sealed record PlanDifference(
    int SessionsBefore,
    int SessionsAfter,
    int IntervalBefore,
    int IntervalAfter,
    int MaintenanceMinBefore,
    int MaintenanceMaxBefore,
    int MaintenanceMinAfter,
    int MaintenanceMaxAfter,
    DateWindow? FirstWindowBefore,
    DateWindow? FirstWindowAfter,
    IReadOnlyList<string> FlagsAdded,
    IReadOnlyList<string> FlagsRemoved,
    PlanStatus StatusBefore,
    PlanStatus StatusAfter)
{
    public bool SessionsChanged => SessionsBefore != SessionsAfter;
    public bool IntervalChanged => IntervalBefore != IntervalAfter;

    public bool MaintenanceChanged => MaintenanceMinBefore != MaintenanceMinAfter || MaintenanceMaxBefore != MaintenanceMaxAfter || FirstWindowBefore != FirstWindowAfter;

    public bool FlagsChanged => FlagsAdded.Count > 0 || FlagsRemoved.Count > 0;
    public bool StatusChanged => StatusBefore != StatusAfter;
    public bool IsSame => !SessionsChanged && !IntervalChanged && !MaintenanceChanged && !FlagsChanged && !StatusChanged;

    /// <summary>Each change as one line, e.g. "Sessions: 4 → 5". Dates are ISO: the caller words them for its reader.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        if (SessionsChanged)
        {
            lines.Add($"Sessions: {SessionsBefore} → {SessionsAfter}");
        }

        if (IntervalChanged)
        {
            lines.Add($"Weeks between sessions: {IntervalBefore} → {IntervalAfter}");
        }

        if (MaintenanceMinBefore != MaintenanceMinAfter || MaintenanceMaxBefore != MaintenanceMaxAfter)
        {
            lines.Add($"Maintenance every {MaintenanceMinBefore}–{MaintenanceMaxBefore} months → {MaintenanceMinAfter}–{MaintenanceMaxAfter} months");
        }
        else if (FirstWindowBefore != FirstWindowAfter)
        {
            lines.Add($"First maintenance window: {Window(FirstWindowBefore)} → {Window(FirstWindowAfter)}");
        }

        if (StatusChanged)
        {
            lines.Add(StatusAfter == PlanStatus.NeedsClinicianReview
                ? "Would now need a clinician before any date is settled"
                : "Would no longer need a clinician before dates are settled");
        }

        lines.AddRange(FlagsAdded.Select(code => $"New flag: {code}"));
        lines.AddRange(FlagsRemoved.Select(code => $"Flag no longer raised: {code}"));
        return lines;
    }

    private static string Window(DateWindow? window) => window is { } w
        ? $"{w.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {w.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : "none";
}

public static class PlanComparison
{
    public static PlanDifference Compare(TreatmentPlan before, TreatmentPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var flagsBefore = before.Flags.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var flagsAfter = after.Flags.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        return new PlanDifference(
            before.InitialSeries.Sessions,
            after.InitialSeries.Sessions,
            before.InitialSeries.IntervalWeeks,
            after.InitialSeries.IntervalWeeks,
            before.Maintenance.IntervalMonthsMin,
            before.Maintenance.IntervalMonthsMax,
            after.Maintenance.IntervalMonthsMin,
            after.Maintenance.IntervalMonthsMax,
            before.Maintenance.Windows.Count > 0 ? before.Maintenance.Windows[0] : null,
            after.Maintenance.Windows.Count > 0 ? after.Maintenance.Windows[0] : null,
            [.. after.Flags.Select(f => f.Code).Where(c => !flagsBefore.Contains(c))],
            [.. before.Flags.Select(f => f.Code).Where(c => !flagsAfter.Contains(c))],
            before.Status,
            after.Status);
    }
}

/// <summary>
/// Counts over many compared plans, as an admin reads them before publishing:
/// "112 of 3,400 plans would get one more session; 9 would now need a clinician".
/// </summary>
public sealed class ImpactSummary
{
    private readonly SortedDictionary<int, int> sessionSteps = [];

    public int Total { get; private set; }
    public int Changed { get; private set; }
    public int IntervalLonger { get; private set; }
    public int IntervalShorter { get; private set; }
    public int MaintenanceChanged { get; private set; }
    public int NowNeedClinician { get; private set; }
    public int NoLongerNeedClinician { get; private set; }
    public int FlagsChanged { get; private set; }

    /// <summary>How many plans gain (positive) or lose (negative) each number of sessions.</summary>
    public IReadOnlyDictionary<int, int> SessionSteps => sessionSteps;

    public void Add(PlanDifference difference)
    {
        ArgumentNullException.ThrowIfNull(difference);
        Total++;
        if (difference.IsSame)
        {
            return;
        }

        Changed++;
        if (difference.SessionsChanged)
        {
            var step = difference.SessionsAfter - difference.SessionsBefore;
            sessionSteps[step] = sessionSteps.GetValueOrDefault(step) + 1;
        }

        IntervalLonger += difference.IntervalAfter > difference.IntervalBefore ? 1 : 0;
        IntervalShorter += difference.IntervalAfter < difference.IntervalBefore ? 1 : 0;
        MaintenanceChanged += difference.MaintenanceChanged ? 1 : 0;
        NowNeedClinician += difference.StatusChanged && difference.StatusAfter == PlanStatus.NeedsClinicianReview ? 1 : 0;
        NoLongerNeedClinician += difference.StatusChanged && difference.StatusAfter == PlanStatus.Ready ? 1 : 0;
        FlagsChanged += difference.FlagsChanged ? 1 : 0;
    }

    /// <summary>The counts in words, biggest news first; "No plan would change." when none would.</summary>
    public IReadOnlyList<string> Describe()
    {
        if (Total == 0)
        {
            return ["There are no plans to compare."];
        }

        var of = $"of {N(Total)} {(Total == 1 ? "plan" : "plans")}";
        if (Changed == 0)
        {
            return [$"None {of} would change."];
        }

        var lines = new List<string> { $"{N(Changed)} {of} would change; {N(Total - Changed)} would stay as they are." };
        if (NowNeedClinician > 0)
        {
            lines.Add($"{N(NowNeedClinician)} {of} would now need a clinician first.");
        }

        if (NoLongerNeedClinician > 0)
        {
            lines.Add($"{N(NoLongerNeedClinician)} {of} would no longer need a clinician first.");
        }

        foreach (var (step, count) in sessionSteps.Reverse())
        {
            var sessions = Math.Abs(step) == 1 ? "session" : "sessions";
            var amount = Math.Abs(step) == 1 ? "one" : N(Math.Abs(step));
            lines.Add($"{N(count)} {of} would get {amount} {(step > 0 ? "more" : "fewer")} {sessions}.");
        }

        if (IntervalLonger > 0)
        {
            lines.Add($"{N(IntervalLonger)} {of} would have sessions further apart.");
        }

        if (IntervalShorter > 0)
        {
            lines.Add($"{N(IntervalShorter)} {of} would have sessions closer together.");
        }

        if (MaintenanceChanged > 0)
        {
            lines.Add($"{N(MaintenanceChanged)} {of} would have maintenance due at a different time.");
        }

        if (FlagsChanged > 0)
        {
            lines.Add($"{N(FlagsChanged)} {of} would gain or lose a point for the clinician to check.");
        }

        return lines;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
