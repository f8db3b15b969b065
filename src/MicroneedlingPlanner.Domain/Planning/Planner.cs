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
public static partial class Planner
{
    public const int MaintenanceHorizonMonths = 36;

    // Above this many rules the per-plan scratch flags go on the heap instead of the stack.
    private const int StackLimit = 256;

    /// <summary>
    /// Validates the answers and, when they are complete, plans from the preferred start date:
    /// either a plan or every problem with the answers.
    /// </summary>
    public static (TreatmentPlan? Plan, IReadOnlyList<FieldError> Errors) Propose(IntakeAnswers answers, RuleSet rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = IntakeValidator.Validate(answers, today);
        return errors.Count > 0 ? (null, errors) : (Create(answers, rules, answers.PreferredStartDate!.Value), errors);
    }

    public static TreatmentPlan Create(IntakeAnswers answers, RuleSet rules, DateOnly startDate)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(rules);

        var compiled = CompiledRules.For(rules);
        var concernMask = 0;
        for (var i = 0; i < answers.Concerns.Count; i++)
        {
            concernMask |= 1 << (int)answers.Concerns[i];
        }

        if (concernMask == 0)
        {
            throw new ArgumentException("The answers name no concern; validate them with IntakeValidator first.", nameof(answers));
        }

        var set = compiled.ForConcerns(concernMask);
        Span<ulong> cited = stackalloc ulong[compiled.CitationWords];
        cited.Clear();
        Cite(cited, set.Cited);
        Cite(cited, compiled.AlwaysCited);

        var modifiers = compiled.Modifiers;
        Span<bool> applies = modifiers.Length <= StackLimit ? stackalloc bool[modifiers.Length] : new bool[modifiers.Length];
        Span<bool> adviceGiven = modifiers.Length <= StackLimit ? stackalloc bool[modifiers.Length] : new bool[modifiers.Length];
        adviceGiven.Clear();
        int adjustmentCount = 0, adviceCount = 0;
        for (var i = 0; i < modifiers.Length; i++)
        {
            applies[i] = CompiledClause.AllHold(modifiers[i].When, answers);
            if (!applies[i])
            {
                continue;
            }

            adjustmentCount += modifiers[i].Rule.Effect == EffectKind.Advice ? 0 : 1;

            // Two rules may give the same advice (e.g. for severe and for deep scars): say it once.
            if (modifiers[i].Advice is not null && !adviceGiven[modifiers[i].AdviceGroup])
            {
                adviceGiven[modifiers[i].AdviceGroup] = true;
                adviceCount++;
            }
        }

        var adjustments = new Adjustment[adjustmentCount];
        var advice = new PlanAdvice[adviceCount];
        adviceGiven.Clear();
        int nextAdjustment = 0, nextAdvice = 0, earlier = 0, later = 0;
        var sessions = set.SessionsDefault;
        var interval = set.Interval;
        for (var i = 0; i < modifiers.Length; i++)
        {
            if (!applies[i])
            {
                continue;
            }

            var modifier = modifiers[i];
            var rule = modifier.Rule;
            Cite(cited, modifier.Cited);
            var before = sessions;
            switch (rule.Effect)
            {
                case EffectKind.SessionsUp:
                    sessions = Math.Min(sessions + rule.Steps, set.SessionsMax);
                    adjustments[nextAdjustment++] = new(rule.Id, SessionChange(before, sessions, set.SessionsMax, "top"), rule.Reason, rule.Citations);
                    break;
                case EffectKind.SessionsDown:
                    sessions = Math.Max(sessions - rule.Steps, set.SessionsMin);
                    adjustments[nextAdjustment++] = new(rule.Id, SessionChange(before, sessions, set.SessionsMin, "bottom"), rule.Reason, rule.Citations);
                    break;
                case EffectKind.IntervalLonger:
                    var weeksBefore = interval;
                    interval = Math.Min(interval + rule.Steps, set.IntervalMax);
                    adjustments[nextAdjustment++] = new(rule.Id, IntervalChange(weeksBefore, interval, set.IntervalMax), rule.Reason, rule.Citations);
                    break;
                case EffectKind.MaintenanceEarlier:
                    earlier++;
                    adjustments[nextAdjustment++] = modifier.FixedAdjustment!;
                    break;
                case EffectKind.MaintenanceLater:
                    later++;
                    adjustments[nextAdjustment++] = modifier.FixedAdjustment!;
                    break;
                case EffectKind.Advice:
                    break;
            }

            if (modifier.Advice is { } text && !adviceGiven[modifier.AdviceGroup])
            {
                adviceGiven[modifier.AdviceGroup] = true;
                advice[nextAdvice++] = text;
            }
        }

        // Factors for earlier and later upkeep cancel out; what remains picks a half of the window.
        var middle = (set.MaintenanceMin + set.MaintenanceMax) / 2;
        var (patientMin, patientMax) = (earlier - later) switch
        {
            > 0 => (set.MaintenanceMin, middle),
            < 0 => (middle, set.MaintenanceMax),
            _ => (set.MaintenanceMin, set.MaintenanceMax),
        };

        var (flags, reviewReasons) = Screen(compiled, cited, answers);

        var sessionDates = SessionDates(startDate, sessions, interval);
        var lastSession = sessionDates[^1];
        var windows = MaintenanceWindows(lastSession, patientMin, patientMax);

        // Last, once everything that cites has marked its citations.
        var adjuncts = Adjuncts(compiled, cited, answers);
        var (citations, sources) = compiled.Resolve(cited);
        return new TreatmentPlan(
            reviewReasons.Length > 0 ? PlanStatus.NeedsClinicianReview : PlanStatus.Ready,
            reviewReasons,
            rules.Version,
            set.Primary,
            new InitialSeries(sessions, set.SessionsMin, set.SessionsMax, interval, set.IntervalMin, set.IntervalMax, sessionDates, set.SeriesCitations),
            new MaintenancePlan(patientMin, patientMax, set.MaintenanceMin, set.MaintenanceMax, windows, set.MaintenanceCitations),
            Milestones(set.Milestones, startDate, lastSession),
            compiled.Aftercare,
            adjuncts,
            flags,
            advice,
            adjustments,
            rules.Disagreements,
            citations,
            sources);
    }

    private static (PlanFlag[] Flags, string[] ReviewReasons) Screen(CompiledRules compiled, Span<ulong> cited, IntakeAnswers answers)
    {
        var screening = compiled.Screening;
        Span<bool> fires = screening.Length <= StackLimit ? stackalloc bool[screening.Length] : new bool[screening.Length];
        int flagCount = 0, referCount = 0;
        for (var i = 0; i < screening.Length; i++)
        {
            fires[i] = CompiledClause.AllHold(screening[i].When, answers);
            flagCount += fires[i] ? 1 : 0;
            referCount += fires[i] && screening[i].Flag.Severity == FlagSeverity.Refer ? 1 : 0;
        }

        var flags = new PlanFlag[flagCount];
        var reasons = referCount == 0 ? [] : new string[referCount];
        int nextFlag = 0, nextReason = 0;
        for (var i = 0; i < screening.Length; i++)
        {
            if (fires[i])
            {
                Cite(cited, screening[i].Cited);
                flags[nextFlag++] = screening[i].Flag;
                if (screening[i].Flag.Severity == FlagSeverity.Refer)
                {
                    reasons[nextReason++] = screening[i].Flag.Message;
                }
            }
        }

        return (flags, reasons);
    }

    /// <summary>The series' dates: the first on the start date, then one every <paramref name="intervalWeeks"/> weeks.</summary>
    internal static DateOnly[] SessionDates(DateOnly startDate, int sessions, int intervalWeeks)
    {
        var dates = new DateOnly[sessions];
        for (var i = 0; i < sessions; i++)
        {
            dates[i] = startDate.AddDays(i * intervalWeeks * 7);
        }

        return dates;
    }

    /// <summary>The maintenance windows for three years after the last session.</summary>
    internal static List<DateWindow> MaintenanceWindows(DateOnly lastSession, int monthsMin, int monthsMax)
    {
        var horizon = lastSession.AddMonths(MaintenanceHorizonMonths);
        var windows = new List<DateWindow>(MaintenanceHorizonMonths / monthsMin);
        // Window k opens k intervals after the last session and closes one interval's span after
        // the previous window opened, as the clinic would rebook from the earliest date. Every date
        // counts whole months from the last session itself: stepping from a window that a short
        // month cut to its 28th would carry that day forward (31 Aug, 28 Feb, then 28 Aug).
        for (var k = 1; lastSession.AddMonths(k * monthsMin) <= horizon; k++)
        {
            windows.Add(new(lastSession.AddMonths(k * monthsMin), lastSession.AddMonths(((k - 1) * monthsMin) + monthsMax)));
        }

        return windows;
    }

    /// <summary>Milestones dated and in date order; ties keep the rule set's order.</summary>
    private static PlannedMilestone[] Milestones(MilestoneTemplate[] templates, DateOnly firstSession, DateOnly lastSession)
    {
        var milestones = new PlannedMilestone[templates.Length];
        for (var i = 0; i < templates.Length; i++)
        {
            var t = templates[i];
            var anchor = t.Anchor == MilestoneAnchor.FirstSession ? firstSession : lastSession;
            var milestone = new PlannedMilestone(t.Key, t.Label, anchor.AddDays(t.FromDays), anchor.AddDays(t.ToDays), t.Citations) { Anchor = t.Anchor };
            var j = i;
            for (; j > 0 && milestones[j - 1].From > milestone.From; j--)
            {
                milestones[j] = milestones[j - 1];
            }

            milestones[j] = milestone;
        }

        return milestones;
    }

    /// <summary>A treatment suggested for several reasons appears once, with the first reason and every reason's sources.</summary>
    private static PlannedAdjunct[] Adjuncts(CompiledRules compiled, Span<ulong> cited, IntakeAnswers answers)
    {
        var rules = compiled.Adjuncts;
        Span<bool> suggested = rules.Length <= StackLimit ? stackalloc bool[rules.Length] : new bool[rules.Length];
        Span<int> reasons = rules.Length <= StackLimit ? stackalloc int[rules.Length] : new int[rules.Length];
        reasons.Clear();
        var count = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            suggested[i] = CompiledClause.AllHold(rules[i].When, answers);
            if (suggested[i])
            {
                Cite(cited, rules[i].Cited);
                count += reasons[compiled.FirstOfTreatment[i]]++ == 0 ? 1 : 0;
            }
        }

        var adjuncts = new PlannedAdjunct[count];
        var next = 0;
        for (var i = 0; i < rules.Length; i++)
        {
            var first = compiled.FirstOfTreatment[i];
            if (!suggested[i] || reasons[first] == 0)
            {
                continue;
            }

            adjuncts[next++] = reasons[first] == 1 ? rules[i].Suggestion : Merged(rules, compiled.FirstOfTreatment, suggested, i);
            reasons[first] = 0;
        }

        return adjuncts;
    }

    private static PlannedAdjunct Merged(CompiledAdjunct[] rules, int[] firstOfTreatment, ReadOnlySpan<bool> suggested, int first)
    {
        var ids = new List<string>();
        for (var i = first; i < rules.Length; i++)
        {
            if (suggested[i] && firstOfTreatment[i] == firstOfTreatment[first])
            {
                ids.AddRange(rules[i].Suggestion.Citations.Where(id => !ids.Contains(id)));
            }
        }

        return rules[first].Suggestion with { Citations = ids };
    }

    private static void Cite(Span<ulong> cited, int[] positions)
    {
        foreach (var position in positions)
        {
            cited[position >> 6] |= 1UL << (position & 63);
        }
    }

    private static string SessionChange(int before, int after, int limit, string end) =>
        before == after && after == limit
            ? $"Sessions stay at {after}, the {end} of the range."
            : $"Sessions from {before} to {after}.";

    private static string IntervalChange(int before, int after, int longest) =>
        before == after && after == longest
            ? $"Time between sessions stays at {after} weeks, the longest in the range."
            : $"Time between sessions from {before} to {after} weeks.";
}
