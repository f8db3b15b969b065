using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>One difference between two rule sets, in words an admin reviews before publishing.</summary>
/// <param name="Section">Where in the rules: "Concerns", "Modifiers", "Advice where sources disagree" and so on.</param>
public sealed record RuleChange(string Section, string Text);

/// <summary>
/// What changed between two rule sets, section by section. Items are matched by what names them
/// (a modifier's id, a screening code, a concern; adjuncts and disagreements by treatment or
/// topic and their position among those with the same one), so a reordered list is no change.
/// </summary>
public static class RuleSetDiff
{
    public static IReadOnlyList<RuleChange> Between(RuleSet before, RuleSet after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<RuleChange>();

        Compare(changes, "Concerns", before.Concerns, after.Concerns, c => c.Concern.ToString(), (c, _) => c.Concern.Label(),
            (name, c) => $"{name} added: sessions {Range(c.Sessions)}, weeks between sessions {Range(c.IntervalWeeks)}, months until maintenance {Range(c.MaintenanceMonths)}",
            ConcernChanges);
        Compare(changes, "Milestones", before.Milestones, after.Milestones, m => m.Key, (m, n) => $"Milestone '{m.Key}'{Nth(n)}",
            (name, m) => $"{name} added: “{m.Label}”, {Days(m)}",
            MilestoneChanges);
        Compare(changes, "Modifiers", before.Modifiers, after.Modifiers, m => m.Id, (m, n) => $"Modifier '{m.Id}'{Nth(n)}",
            (name, m) => $"{name} added: when {ConditionText.Describe(m.When)}, {Effect(m)}. Reason: “{m.Reason}”{(m.Advice is null ? "" : $" Advice: “{m.Advice}”")}",
            ModifierChanges);
        Compare(changes, "Screening", before.Screening, after.Screening, s => s.Code, (s, n) => $"Screening '{s.Code}'{Nth(n)}",
            (name, s) => $"{name} added: when {ConditionText.Describe(s.When)}, {Action(s.Action)}: “{s.Message}”",
            ScreeningChanges);
        Compare(changes, "Aftercare", before.Aftercare, after.Aftercare, a => a.Id, (a, n) => $"Aftercare '{a.Id}'{Nth(n)}",
            (name, a) => $"{name} added ({Timing(a.Timing)}): “{a.Text}”",
            AftercareChanges);
        Compare(changes, "Adjuncts", before.Adjuncts, after.Adjuncts, a => a.Treatment, (a, n) => $"Adjunct '{a.Treatment}'{Nth(n)}",
            (name, a) => $"{name} added: when {ConditionText.Describe(a.When)}. Reason: “{a.Reason}”",
            AdjunctChanges);
        Compare(changes, "Advice where sources disagree", before.Disagreements, after.Disagreements, d => d.Topic.ToString(), (d, n) => $"{d.Topic}{Nth(n)}",
            (name, d) => $"{name} added: default “{d.DefaultChoice}”, alternative “{d.Alternative}”",
            DisagreementChanges);
        Compare(changes, "Sources", before.Sources, after.Sources, s => s.Id, (s, n) => $"Source '{s.Id}'{Nth(n)}",
            (name, s) => $"{name} added: {s.Name}",
            (name, b, a) => b.Name == a.Name && b.Kind == a.Kind ? [] : [$"{name} changed: {b.Name} ({b.Kind}) → {a.Name} ({a.Kind})"]);
        Compare(changes, "Citations", before.Citations, after.Citations, c => c.Id, (c, n) => $"Citation '{c.Id}'{Nth(n)}",
            (name, c) => $"{name} added: {Citation(c)}",
            (name, b, a) => b == a ? [] : [$"{name} changed: {Citation(b)} → {Citation(a)}"]);
        return changes;
    }

    /// <summary>
    /// Items paired by key and their position among items with the same key; reports the removed
    /// ones, then the added and changed ones in the new order.
    /// </summary>
    private static void Compare<T>(
        List<RuleChange> changes,
        string section,
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, string> key,
        Func<T, int, string> name,
        Func<string, T, string> added,
        Func<string, T, T, IEnumerable<string>> changed)
    {
        var old = Keyed(before, key).ToDictionary(k => k.Key, k => k);
        var current = Keyed(after, key).ToList();
        var kept = current.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, item, n) in old.Values.Where(o => !kept.Contains(o.Key)))
        {
            changes.Add(new(section, $"{name(item, n)} removed"));
        }

        foreach (var (k, item, n) in current)
        {
            var texts = old.TryGetValue(k, out var was) ? changed(name(item, n), was.Item, item) : [added(name(item, n), item)];
            changes.AddRange(texts.Select(text => new RuleChange(section, text)));
        }
    }

    private static IEnumerable<(string Key, T Item, int Nth)> Keyed<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var n = seen.GetValueOrDefault(key(item));
            seen[key(item)] = n + 1;
            yield return ($"{key(item)}#{n}", item, n);
        }
    }

    private static string Nth(int n) => n == 0 ? "" : $" (rule {n + 1})";

    private static IEnumerable<string> ConcernChanges(string name, ConcernRule b, ConcernRule a)
    {
        if (Range(b.Sessions) != Range(a.Sessions))
        {
            yield return $"{name}: sessions {Range(b.Sessions)} → {Range(a.Sessions)}";
        }

        if (Range(b.IntervalWeeks) != Range(a.IntervalWeeks))
        {
            yield return $"{name}: weeks between sessions {Range(b.IntervalWeeks)} → {Range(a.IntervalWeeks)}";
        }

        if (Range(b.MaintenanceMonths) != Range(a.MaintenanceMonths))
        {
            yield return $"{name}: months until maintenance {Range(b.MaintenanceMonths)} → {Range(a.MaintenanceMonths)}";
        }

        foreach (var text in Cites($"{name}: sessions", b.Sessions.Citations, a.Sessions.Citations)
            .Concat(Cites($"{name}: weeks between sessions", b.IntervalWeeks.Citations, a.IntervalWeeks.Citations))
            .Concat(Cites($"{name}: months until maintenance", b.MaintenanceMonths.Citations, a.MaintenanceMonths.Citations)))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> MilestoneChanges(string name, MilestoneRule b, MilestoneRule a)
    {
        if (b.Label != a.Label)
        {
            yield return $"{name} label changed: “{b.Label}” → “{a.Label}”";
        }

        if (Days(b) != Days(a))
        {
            yield return $"{name}: {Days(b)} → {Days(a)}";
        }

        foreach (var text in Cites(name, b.Citations, a.Citations))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> ModifierChanges(string name, Modifier b, Modifier a)
    {
        foreach (var text in ConditionChanges(name, b.When, a.When))
        {
            yield return text;
        }

        if (Effect(b) != Effect(a))
        {
            yield return $"{name} effect changed: {Effect(b)} → {Effect(a)}";
        }

        if (b.Reason != a.Reason)
        {
            yield return $"{name} reason changed: “{b.Reason}” → “{a.Reason}”";
        }

        if (b.Advice != a.Advice)
        {
            yield return $"{name} advice changed: {Quoted(b.Advice)} → {Quoted(a.Advice)}";
        }

        foreach (var text in Cites(name, b.Citations, a.Citations))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> ScreeningChanges(string name, ScreeningRule b, ScreeningRule a)
    {
        foreach (var text in ConditionChanges(name, b.When, a.When))
        {
            yield return text;
        }

        if (b.Action != a.Action)
        {
            yield return $"{name} action changed: {Action(b.Action)} → {Action(a.Action)}";
        }

        if (b.Message != a.Message)
        {
            yield return $"{name} message changed: “{b.Message}” → “{a.Message}”";
        }

        foreach (var text in Cites(name, b.Citations, a.Citations))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> AftercareChanges(string name, AftercareItem b, AftercareItem a)
    {
        if (b.Timing != a.Timing)
        {
            yield return $"{name} timing changed: {Timing(b.Timing)} → {Timing(a.Timing)}";
        }

        if (b.Text != a.Text)
        {
            yield return $"{name} text changed: “{b.Text}” → “{a.Text}”";
        }

        foreach (var text in Cites(name, b.Citations, a.Citations))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> AdjunctChanges(string name, AdjunctRule b, AdjunctRule a)
    {
        foreach (var text in ConditionChanges(name, b.When, a.When))
        {
            yield return text;
        }

        if (b.Reason != a.Reason)
        {
            yield return $"{name} reason changed: “{b.Reason}” → “{a.Reason}”";
        }

        foreach (var text in Cites(name, b.Citations, a.Citations))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> DisagreementChanges(string name, SourceDisagreement b, SourceDisagreement a)
    {
        if (b.DefaultChoice != a.DefaultChoice)
        {
            yield return $"{name}: default changed: “{b.DefaultChoice}” → “{a.DefaultChoice}”";
        }

        if (b.Alternative != a.Alternative)
        {
            yield return $"{name}: alternative changed: “{b.Alternative}” → “{a.Alternative}”";
        }

        foreach (var text in Cites(name, b.Citations, a.Citations))
        {
            yield return text;
        }
    }

    private static IEnumerable<string> ConditionChanges(string name, RuleCondition b, RuleCondition a)
    {
        var (was, now) = (ConditionText.Describe(b), ConditionText.Describe(a));
        return was == now ? [] : [$"{name} condition changed: when {was} → when {now}"];
    }

    private static IEnumerable<string> Cites(string name, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            yield return $"{name} now also cites {Ids(added)}";
        }

        if (removed.Count > 0)
        {
            yield return $"{name} no longer cites {Ids(removed)}";
        }
    }

    private static string Ids(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => $"'{id}'"));

    private static string Range(CitedDefaultRange r) => $"{r.Min}–{r.Max} (default {r.Default})";

    private static string Range(CitedRange r) => $"{r.Min}–{r.Max}";

    private static string Days(MilestoneRule m)
    {
        var concerns = m.AppliesTo.Count == 0 ? "" : $", for {string.Join(", ", m.AppliesTo.Select(c => c.Label()))}";
        return $"days {m.FromDays}–{m.ToDays} after the {(m.Anchor == MilestoneAnchor.FirstSession ? "first" : "last")} session{concerns}";
    }

    private static string Effect(Modifier m) => m.Effect switch
    {
        EffectKind.SessionsUp => $"sessions up by {m.Steps}",
        EffectKind.SessionsDown => $"sessions down by {m.Steps}",
        EffectKind.IntervalLonger => $"weeks between sessions longer by {m.Steps}",
        EffectKind.MaintenanceEarlier => "maintenance earlier in its window",
        EffectKind.MaintenanceLater => "maintenance later in its window",
        _ => "advice only",
    };

    private static string Action(ScreeningAction action) =>
        action == ScreeningAction.Refer ? "refer to a clinician first" : "caution";

    private static string Timing(AftercareTiming timing) => Words.FromName(timing.ToString()).ToLowerInvariant();

    private static string Quoted(string? text) => text is null ? "none" : $"“{text}”";

    private static string Citation(Citation c) =>
        $"“{c.Quote}” (source '{c.Source}'{(c.Line is { } line ? $", line {line}" : "")}, {Words.FromName(c.Grade.ToString()).ToLowerInvariant()}{(c.Fact is { } fact ? $", {fact}" : "")})";
}
