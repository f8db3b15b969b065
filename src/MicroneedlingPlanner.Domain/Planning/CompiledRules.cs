using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>
/// A rule set prepared once for planning many patients: each clause finds its answer's
/// description and marks the values it accepts, citation ids become positions in the rule set's
/// citation list, and everything that depends only on the chosen concerns is worked out once per
/// combination of concerns. Rule sets are immutable, so the prepared form is kept beside each one
/// and a plan costs little more than its own objects (see docs/performance.md).
/// </summary>
internal sealed class CompiledRules
{
    private static readonly ConditionalWeakTable<RuleSet, CompiledRules> Cache = [];
    private static readonly int ConcernCount = Enum.GetValues<Concern>().Length;

    private readonly RuleSet rules;
    private readonly Dictionary<string, int> citationIndex;

    // For each citation, the position of its source in the rule set's list.
    private readonly int[] citationSource;
    private readonly Dictionary<Concern, ConcernRule> concernRules;
    private readonly ConcernSet?[] concernSets = new ConcernSet?[1 << ConcernCount];

    private CompiledRules(RuleSet rules)
    {
        this.rules = rules;
        citationIndex = new Dictionary<string, int>(rules.Citations.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Citations.Count; i++)
        {
            citationIndex.TryAdd(rules.Citations[i].Id, i);
        }

        var sourceIndex = new Dictionary<string, int>(rules.Sources.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Sources.Count; i++)
        {
            sourceIndex.TryAdd(rules.Sources[i].Id, i);
        }

        citationSource = [.. rules.Citations.Select(c => sourceIndex.TryGetValue(c.Source, out var i)
            ? i
            : throw new ArgumentException($"Source '{c.Source}' of citation '{c.Id}' is not in the rule set; validate it with RuleSetValidator first."))];

        concernRules = [];
        foreach (var rule in rules.Concerns)
        {
            concernRules.TryAdd(rule.Concern, rule);
        }

        var modifiers = new CompiledModifier[rules.Modifiers.Count];
        for (var i = 0; i < modifiers.Length; i++)
        {
            var m = rules.Modifiers[i];
            var sameAdvice = m.Advice is null ? i : rules.Modifiers.Take(i + 1).ToList().FindIndex(o => o.Advice == m.Advice);
            modifiers[i] = new CompiledModifier(
                m,
                Compile(m.When),
                Indexes(m.Citations),
                m.Effect switch
                {
                    EffectKind.MaintenanceEarlier => new Adjustment(m.Id, "Maintenance moves toward the early end of its window.", m.Reason, m.Citations),
                    EffectKind.MaintenanceLater => new Adjustment(m.Id, "Maintenance moves toward the late end of its window.", m.Reason, m.Citations),
                    _ => null,
                },
                m.Advice is { } text ? new PlanAdvice(m.Id, text, m.Citations) : null,
                sameAdvice);
        }

        Modifiers = modifiers;
        Screening = [.. rules.Screening.Select(s => new CompiledScreening(
            Compile(s.When),
            Indexes(s.Citations),
            new PlanFlag(s.Code, s.Action == ScreeningAction.Refer ? FlagSeverity.Refer : FlagSeverity.Caution, s.Message, s.Citations)))];
        Adjuncts = [.. rules.Adjuncts.Select(a => new CompiledAdjunct(
            Compile(a.When),
            Indexes(a.Citations),
            new PlannedAdjunct(a.Treatment, a.Reason, a.Citations)))];

        // Each treatment's rules in rule-set order, so a treatment suggested for several reasons appears once.
        var firstOfTreatment = new int[Adjuncts.Length];
        for (var i = 0; i < firstOfTreatment.Length; i++)
        {
            firstOfTreatment[i] = rules.Adjuncts.Take(i + 1).ToList().FindIndex(o => o.Treatment == rules.Adjuncts[i].Treatment);
        }

        FirstOfTreatment = firstOfTreatment;
        Aftercare = new ReadOnlyCollection<PlannedAftercare>(
            [.. rules.Aftercare.OrderBy(a => a.Timing).Select(a => new PlannedAftercare(a.Timing, a.Text, a.Citations))]);
        AlwaysCited = Indexes([.. rules.Aftercare.SelectMany(a => a.Citations), .. rules.Disagreements.SelectMany(d => d.Citations)]);
        CitationWords = (rules.Citations.Count + 63) / 64;
    }

    public CompiledModifier[] Modifiers { get; }
    public CompiledScreening[] Screening { get; }
    public CompiledAdjunct[] Adjuncts { get; }

    /// <summary>For each adjunct rule, the position of the first rule for the same treatment.</summary>
    public int[] FirstOfTreatment { get; }

    /// <summary>The same for every patient, so shared by every plan (it cannot be changed through this type).</summary>
    public IReadOnlyList<PlannedAftercare> Aftercare { get; }

    /// <summary>Citations every plan carries: aftercare and the points where the sources disagree.</summary>
    public int[] AlwaysCited { get; }

    public int CitationWords { get; }

    public static CompiledRules For(RuleSet rules) => Cache.GetValue(rules, static r => new CompiledRules(r));

    /// <summary>What follows from the chosen concerns alone; built the first time a combination is planned.</summary>
    public ConcernSet ForConcerns(int concernMask)
    {
        var set = Volatile.Read(ref concernSets[concernMask]);
        if (set is null)
        {
            var built = BuildConcernSet(concernMask);
            set = Interlocked.CompareExchange(ref concernSets[concernMask], built, null) ?? built;
        }

        return set;
    }

    /// <summary>
    /// The citations marked in <paramref name="used"/> and the sources they point to, each once,
    /// both in the rule set's order.
    /// </summary>
    public (Citation[] Citations, Source[] Sources) Resolve(ReadOnlySpan<ulong> used)
    {
        var count = 0;
        foreach (var word in used)
        {
            count += System.Numerics.BitOperations.PopCount(word);
        }

        var resolved = new Citation[count];
        Span<bool> sourceUsed = rules.Sources.Count <= 256 ? stackalloc bool[rules.Sources.Count] : new bool[rules.Sources.Count];
        var sourceCount = 0;
        var next = 0;
        for (var w = 0; w < used.Length; w++)
        {
            for (var word = used[w]; word != 0; word &= word - 1)
            {
                var index = (w * 64) + System.Numerics.BitOperations.TrailingZeroCount(word);
                resolved[next++] = rules.Citations[index];
                sourceCount += sourceUsed[citationSource[index]] ? 0 : 1;
                sourceUsed[citationSource[index]] = true;
            }
        }

        var sources = new Source[sourceCount];
        next = 0;
        for (var i = 0; i < sourceUsed.Length; i++)
        {
            if (sourceUsed[i])
            {
                sources[next++] = rules.Sources[i];
            }
        }

        return (resolved, sources);
    }

    private ConcernSet BuildConcernSet(int mask)
    {
        var concerns = Enum.GetValues<Concern>().Where(c => (mask & (1 << (int)c)) != 0).ToList();
        var chosen = concerns.Select(c => concernRules.TryGetValue(c, out var rule)
            ? rule
            : throw new ArgumentException($"The rule set has no rule for {c}; validate it with RuleSetValidator first.")).ToList();

        var primary = chosen.MaxBy(r => r.Sessions.Default)!;
        var intervalMin = chosen.Max(r => r.IntervalWeeks.Min);
        var intervalMax = chosen.Min(r => r.IntervalWeeks.Max);
        if (intervalMin > intervalMax)
        {
            (intervalMin, intervalMax) = (primary.IntervalWeeks.Min, primary.IntervalWeeks.Max);
        }

        var maintenanceMin = chosen.Min(r => r.MaintenanceMonths.Min);
        var milestones = rules.Milestones
            .Where(m => m.AppliesTo.Count == 0 || m.AppliesTo.Any(concerns.Contains))
            .GroupBy(m => m.Key)
            .Select(group =>
            {
                var first = group.First();
                var ids = Distinct(group.SelectMany(m => m.Citations));
                return new MilestoneTemplate(first.Key, first.Label, first.Anchor, group.Min(m => m.FromDays), group.Max(m => m.ToDays), ids);
            })
            .ToArray();
        var seriesCitations = Distinct(chosen.SelectMany(r => r.Sessions.Citations.Concat(r.IntervalWeeks.Citations)));
        var maintenanceCitations = Distinct(chosen.SelectMany(r => r.MaintenanceMonths.Citations));

        return new ConcernSet(
            Primary: primary.Concern,
            SessionsMin: chosen.Max(r => r.Sessions.Min),
            SessionsMax: chosen.Max(r => r.Sessions.Max),
            SessionsDefault: chosen.Max(r => r.Sessions.Default),
            IntervalMin: intervalMin,
            IntervalMax: intervalMax,
            Interval: Math.Clamp(chosen.Max(r => r.IntervalWeeks.Default), intervalMin, intervalMax),
            MaintenanceMin: maintenanceMin,
            MaintenanceMax: Math.Max(maintenanceMin, chosen.Min(r => r.MaintenanceMonths.Max)),
            SeriesCitations: seriesCitations,
            MaintenanceCitations: maintenanceCitations,
            Milestones: milestones,
            Cited: Indexes([.. seriesCitations, .. maintenanceCitations, .. milestones.SelectMany(m => m.Citations)]));
    }

    private static ReadOnlyCollection<string> Distinct(IEnumerable<string> ids) => new([.. ids.Distinct(StringComparer.Ordinal)]);

    private int[] Indexes(IEnumerable<string> ids) => [.. ids.Distinct(StringComparer.Ordinal).Select(id => citationIndex.TryGetValue(id, out var i)
        ? i
        : throw new ArgumentException($"Citation '{id}' is not in the rule set; validate it with RuleSetValidator first."))];

    private static CompiledClause[] Compile(RuleCondition condition) => [.. condition.AllOf.Select(clause =>
    {
        var answer = Answers.Find(clause.Field);
        var accepted = clause.Is is { } yes ? [!yes, yes] : (answer?.Values ?? []).Select(v => clause.AnyOf?.Contains(v, StringComparer.Ordinal) == true).ToArray();
        return new CompiledClause(answer, accepted, clause.AtLeast ?? int.MinValue, clause.AtMost ?? int.MaxValue);
    })];
}

internal sealed record ConcernSet(
    Concern Primary,
    int SessionsMin,
    int SessionsMax,
    int SessionsDefault,
    int IntervalMin,
    int IntervalMax,
    int Interval,
    int MaintenanceMin,
    int MaintenanceMax,
    IReadOnlyList<string> SeriesCitations,
    IReadOnlyList<string> MaintenanceCitations,
    MilestoneTemplate[] Milestones,
    int[] Cited);

internal sealed record MilestoneTemplate(string Key, string Label, MilestoneAnchor Anchor, int FromDays, int ToDays, IReadOnlyList<string> Citations);

/// <summary>A modifier with what it adds to every plan it applies to made in advance, where that does not depend on the patient.</summary>
internal sealed record CompiledModifier(Modifier Rule, CompiledClause[] When, int[] Cited, Adjustment? FixedAdjustment, PlanAdvice? Advice, int AdviceGroup);

internal sealed record CompiledScreening(CompiledClause[] When, int[] Cited, PlanFlag Flag);

internal sealed record CompiledAdjunct(CompiledClause[] When, int[] Cited, PlannedAdjunct Suggestion);

/// <summary>
/// A clause ready to test: the answer it reads and, by position in the answer's values (or 0 for
/// no and 1 for yes), whether each value satisfies it; a number must lie within the bounds. A
/// clause naming no known answer, or values the answer cannot take, never holds, as a value that
/// names no answer never did; RuleSetValidator reports both.
/// </summary>
internal sealed record CompiledClause(AnswerDescription? Answer, bool[] Accepted, int AtLeast, int AtMost)
{
    public bool Holds(IntakeAnswers answers)
    {
        if (Answer is null)
        {
            return false;
        }

        for (var i = 0; ; i++)
        {
            var value = Answer.ValueIn(answers, i);
            if (value == AnswerDescription.NoValue)
            {
                return false;
            }

            if (Answer.Kind == AnswerKind.Number ? value >= AtLeast && value <= AtMost : (uint)value < (uint)Accepted.Length && Accepted[value])
            {
                return true;
            }

            // Only a list has a second value: stop before reading the answer again.
            if (Answer.Kind != AnswerKind.ManyOf)
            {
                return false;
            }
        }
    }

    /// <summary>True when every clause holds.</summary>
    public static bool AllHold(CompiledClause[] clauses, IntakeAnswers answers)
    {
        foreach (var clause in clauses)
        {
            if (!clause.Holds(answers))
            {
                return false;
            }
        }

        return true;
    }
}
