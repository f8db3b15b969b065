using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>
/// One problem with a rule set. <see cref="Path"/> names the field as in the rule set's JSON, with
/// lists by zero-based position (<c>modifiers[2].when[0]</c>), so an editor can show the
/// <see cref="Message"/>, a whole sentence, beside that field.
/// </summary>
public sealed record RuleProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Checks a rule set before it is used or saved: every range ordered with its default inside,
/// every number and piece of advice cited, every citation id resolving, every id unique, every
/// text a patient reads present, every condition naming real answers, no modifier stepping past
/// every range it can move, and no two modifiers pulling the same answers in opposite directions.
/// Returns every problem at once.
/// </summary>
public static class RuleSetValidator
{
    /// <summary>
    /// A patient text with characters no one can read (NUL, half of an emoji). Unlike other problems
    /// it stops even a draft's save: the database cannot store NUL.
    /// </summary>
    public const string HiddenCharacters = "This text holds hidden characters (such as NUL, or half of an emoji) that a patient cannot read and that cannot be saved. Retype it.";

    public static IReadOnlyList<RuleProblem> Validate(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<RuleProblem>();
        void Add(string path, string message) => problems.Add(new(path, message));

        if (string.IsNullOrWhiteSpace(rules.Version))
        {
            Add("version", "A rule set needs a version, so that every plan can say which rules made it.");
        }

        var sources = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Sources.Count; i++)
        {
            var source = rules.Sources[i];
            if (!sources.Add(source.Id))
            {
                Add($"sources[{i}].id", $"Source '{source.Id}' is listed twice; each source needs its own id.");
            }

            if (string.IsNullOrWhiteSpace(source.Title))
            {
                Add($"sources[{i}].title", $"Source '{source.Id}' needs a title, so that a patient can tell which it is.");
            }
        }

        var citations = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Citations.Count; i++)
        {
            var citation = rules.Citations[i];
            var path = $"citations[{i}]";
            if (!citations.Add(citation.Id))
            {
                Add($"{path}.id", $"Citation '{citation.Id}' is listed twice; each citation needs its own id.");
            }

            if (string.IsNullOrWhiteSpace(citation.Quote))
            {
                Add($"{path}.quote", $"Citation '{citation.Id}' needs a quote or a summary of what the source says.");
            }

            if (!sources.Contains(citation.Source))
            {
                Add($"{path}.source", $"Citation '{citation.Id}' names source '{citation.Source}', which is not in the list of sources.");
            }

            if (citation.Line is < 1)
            {
                Add($"{path}.line", $"Citation '{citation.Id}' gives line {citation.Line}; line numbers start at 1.");
            }
        }

        void Cited(string path, string what, IReadOnlyList<string> ids)
        {
            if (ids.Count == 0)
            {
                Add($"{path}.citations", $"{what} needs at least one citation.");
            }

            foreach (var id in ids.Where(id => !citations.Contains(id)))
            {
                Add($"{path}.citations", $"Citation '{id}' is not in the list of citations.");
            }
        }

        void Text(string path, string? text, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                Add(path, message);
            }
            else if (IntakeValidator.HasHiddenCharacters(text))
            {
                Add(path, HiddenCharacters);
            }
        }

        void Unique(HashSet<string> seen, string path, string id, string what)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                Add(path, $"Every {what.ToLowerInvariant()} needs an id.");
            }
            else if (!seen.Add(id))
            {
                Add(path, $"{what} '{id}' is listed twice; each needs its own id.");
            }
        }

        foreach (var concern in Enum.GetValues<Concern>())
        {
            var count = rules.Concerns.Count(c => c.Concern == concern);
            if (count == 0)
            {
                Add("concerns", $"There is no rule for {concern.Label()}; every concern needs exactly one.");
            }
            else if (count > 1)
            {
                Add("concerns", $"There are {count} rules for {concern.Label()}; every concern needs exactly one.");
            }
        }

        for (var i = 0; i < rules.Concerns.Count; i++)
        {
            var rule = rules.Concerns[i];
            var path = $"concerns[{i}]";
            var name = rule.Concern.Label();
            CheckRange(Add, $"{path}.sessions", $"{name}: the number of sessions", rule.Sessions.Min, rule.Sessions.Max, rule.Sessions.Default);
            CheckRange(Add, $"{path}.intervalWeeks", $"{name}: the weeks between sessions", rule.IntervalWeeks.Min, rule.IntervalWeeks.Max, rule.IntervalWeeks.Default);
            CheckRange(Add, $"{path}.maintenanceMonths", $"{name}: the months until maintenance", rule.MaintenanceMonths.Min, rule.MaintenanceMonths.Max, null);
            Cited($"{path}.sessions", $"{name}: the number of sessions", rule.Sessions.Citations);
            Cited($"{path}.intervalWeeks", $"{name}: the weeks between sessions", rule.IntervalWeeks.Citations);
            Cited($"{path}.maintenanceMonths", $"{name}: the months until maintenance", rule.MaintenanceMonths.Citations);
        }

        for (var i = 0; i < rules.Milestones.Count; i++)
        {
            var milestone = rules.Milestones[i];
            var path = $"milestones[{i}]";
            var name = $"Milestone '{milestone.Key}'";
            Text($"{path}.key", milestone.Key, "Every milestone needs a key.");
            if (milestone.FromDays < 0)
            {
                Add($"{path}.fromDays", $"{name} starts on day {milestone.FromDays}; days count from 0.");
            }

            if (milestone.FromDays > milestone.ToDays)
            {
                Add($"{path}.toDays", $"{name} ends on day {milestone.ToDays}, before it starts on day {milestone.FromDays}.");
            }

            Text($"{path}.label", milestone.Label, $"{name} needs a label a patient can read.");
            Cited(path, name, milestone.Citations);
        }

        var modifierIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Modifiers.Count; i++)
        {
            var modifier = rules.Modifiers[i];
            var path = $"modifiers[{i}]";
            var name = $"Modifier '{modifier.Id}'";
            Unique(modifierIds, $"{path}.id", modifier.Id, "Modifier");
            CheckCondition(Add, path, name, modifier.When);
            var counts = modifier.Effect is EffectKind.SessionsUp or EffectKind.SessionsDown or EffectKind.IntervalLonger;
            if (counts && modifier.Steps < 1)
            {
                Add($"{path}.steps", $"{name} changes sessions or weeks, so it needs 1 or more steps, not {modifier.Steps}.");
            }
            else if (!counts && modifier.Steps != 0)
            {
                Add($"{path}.steps", $"{name} does not change sessions or weeks, so its steps must be 0, not {modifier.Steps}.");
            }
            else if (StepBeyondEveryRange(rules, modifier) is { } widest)
            {
                Add($"{path}.steps", widest);
            }

            Text($"{path}.reason", modifier.Reason, $"{name} needs a reason a patient can read.");
            if (modifier.Effect == EffectKind.Advice || modifier.Advice is not null)
            {
                Text($"{path}.advice", modifier.Advice, $"{name} gives advice, so it needs the advice a patient reads.");
            }

            Cited(path, name, modifier.Citations);
        }

        foreach (var (later, earlier) in Contradictions(rules.Modifiers))
        {
            Add($"modifiers[{later}].when", $"Modifier '{rules.Modifiers[later].Id}' moves the plan the opposite way to modifier '{rules.Modifiers[earlier].Id}' for the same answers.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Screening.Count; i++)
        {
            var rule = rules.Screening[i];
            var path = $"screening[{i}]";
            var name = $"Screening '{rule.Code}'";
            Unique(codes, $"{path}.code", rule.Code, "Screening rule");
            CheckCondition(Add, path, name, rule.When);
            Text($"{path}.message", rule.Message, $"{name} needs a message a patient can read.");
            Cited(path, name, rule.Citations);
        }

        var aftercareIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Aftercare.Count; i++)
        {
            var item = rules.Aftercare[i];
            var path = $"aftercare[{i}]";
            var name = $"Aftercare '{item.Id}'";
            Unique(aftercareIds, $"{path}.id", item.Id, "Aftercare item");
            Text($"{path}.text", item.Text, $"{name} needs a text a patient can read.");
            Cited(path, name, item.Citations);
        }

        for (var i = 0; i < rules.Adjuncts.Count; i++)
        {
            var adjunct = rules.Adjuncts[i];
            var path = $"adjuncts[{i}]";
            var name = $"Adjunct '{adjunct.Treatment}'";
            Text($"{path}.treatment", adjunct.Treatment, $"Adjunct {i + 1} needs the name of its treatment.");
            CheckCondition(Add, path, name, adjunct.When);
            Text($"{path}.reason", adjunct.Reason, $"{name} needs a reason a patient can read.");
            Cited(path, name, adjunct.Citations);
        }

        for (var i = 0; i < rules.Disagreements.Count; i++)
        {
            var disagreement = rules.Disagreements[i];
            var path = $"disagreements[{i}]";
            var name = $"Where the sources disagree on {disagreement.Topic.ToString().ToLowerInvariant()}";
            Text($"{path}.defaultChoice", disagreement.DefaultChoice, $"{name}, the default chosen needs a text a patient can read.");
            Text($"{path}.alternative", disagreement.Alternative, $"{name}, the alternative needs a text a patient can read.");
            Cited(path, name + ", the advice", disagreement.Citations);
        }

        return problems;
    }

    private static void CheckRange(Action<string, string> add, string path, string what, int min, int max, int? @default)
    {
        if (min < 1)
        {
            add($"{path}.min", $"{what} must start at 1 or more, not {min}.");
        }

        if (min > max)
        {
            add($"{path}.max", $"{what} ends at {max}, below its start of {min}.");
        }

        if (@default is { } d && (d < min || d > max))
        {
            add($"{path}.default", $"{what} defaults to {d}, outside the range {min} to {max}.");
        }
    }

    private static void CheckCondition(Action<string, string> add, string path, string name, RuleCondition condition)
    {
        if (condition.AllOf.Count == 0)
        {
            add($"{path}.when", $"{name} needs at least one condition on the answers.");
        }

        for (var i = 0; i < condition.AllOf.Count; i++)
        {
            var clause = condition.AllOf[i];
            var clausePath = $"{path}.when[{i}]";
            var kinds = (clause.AnyOf is not null ? 1 : 0) + (clause.AtLeast is not null || clause.AtMost is not null ? 1 : 0) + (clause.Is is not null ? 1 : 0);
            if (Answers.Find(clause.Field) is not { } answer)
            {
                add(clausePath, $"There is no answer called '{clause.Field}'.");
            }
            else if (kinds != 1)
            {
                add(clausePath, $"{name}: each condition tests one thing: a list of answers, a number range, or yes or no.");
            }
            else if (Mistested(answer, clause) is { } how)
            {
                add(clausePath, $"{name}: {answer.Label} {how}.");
            }
            else if (clause.AtLeast > clause.AtMost)
            {
                add(clausePath, $"{name}: {answer.Label} cannot be at least {clause.AtLeast} and at most {clause.AtMost}, so the condition never holds.");
            }
            else
            {
                foreach (var value in (clause.AnyOf ?? []).Where(v => !answer.Values.Contains(v, StringComparer.Ordinal)))
                {
                    add(clausePath, $"{name}: '{value}' is not a possible answer to {answer.Label}; it can be {string.Join(", ", answer.Values)}.");
                }
            }
        }
    }

    /// <summary>How to test the answer, when the clause tests it another way.</summary>
    private static string? Mistested(AnswerDescription answer, Clause clause) => answer.Kind switch
    {
        AnswerKind.OneOf or AnswerKind.ManyOf when clause.AnyOf is null => "is a choice, so test it with a list of values",
        AnswerKind.Number when clause.AtLeast is null && clause.AtMost is null => "is a number, so test it with at least or at most",
        AnswerKind.YesNo when clause.Is is null => "is yes or no, so test it with yes or no",
        _ => null,
    };

    /// <summary>
    /// A message when the modifier's steps exceed the span (max − min) of every concern it can
    /// apply to: the planner stops at the range's end, so such a step always lands on it and the
    /// figure the admin wrote never shows. A modifier can apply to the concerns its condition
    /// names, to acne scars when it tests the scars, and otherwise to every concern.
    /// </summary>
    private static string? StepBeyondEveryRange(RuleSet rules, Modifier modifier)
    {
        Func<ConcernRule, CitedDefaultRange>? range = modifier.Effect switch
        {
            EffectKind.SessionsUp or EffectKind.SessionsDown => r => r.Sessions,
            EffectKind.IntervalLonger => r => r.IntervalWeeks,
            _ => null,
        };
        if (range is null)
        {
            return null;
        }

        var named = modifier.When.AllOf
            .Where(c => c.Field == Answers.Concerns.Name)
            .SelectMany(c => c.AnyOf ?? [])
            .Select(v => Enum.TryParse<Concern>(v, out var concern) ? concern : (Concern?)null)
            .OfType<Concern>()
            .ToHashSet();
        if (named.Count == 0 && modifier.When.AllOf.Any(c => c.Field == Answers.AcneScarTypes.Name || c.Field == Answers.AcneScarSeverity.Name))
        {
            named.Add(Concern.AcneScars);
        }

        var widest = rules.Concerns
            .Where(r => named.Count == 0 || named.Contains(r.Concern))
            .MaxBy(r => range(r).Max - range(r).Min);
        if (widest is null || modifier.Steps <= range(widest).Max - range(widest).Min)
        {
            return null;
        }

        var unit = modifier.Effect == EffectKind.IntervalLonger ? "weeks between sessions" : "number of sessions";
        var (min, max) = (range(widest).Min, range(widest).Max);
        return $"Modifier '{modifier.Id}' moves the {unit} by {modifier.Steps}, more than the whole range of any concern it can apply to "
            + $"(the widest is {widest.Concern.Label()}, {min} to {max}), so it would always stop at the end of the range.";
    }

    /// <summary>Pairs (later, earlier) of positions of modifiers with the same condition and opposite effects.</summary>
    private static IEnumerable<(int, int)> Contradictions(IReadOnlyList<Modifier> modifiers)
    {
        static string Key(RuleCondition c) => string.Join(" & ", c.AllOf
            .Select(x => $"{x.Field}:{string.Join("|", (x.AnyOf ?? []).Order(StringComparer.Ordinal))}:{x.AtLeast}:{x.AtMost}:{x.Is}")
            .Order(StringComparer.Ordinal));

        static EffectKind? Opposite(EffectKind e) => e switch
        {
            EffectKind.SessionsUp => EffectKind.SessionsDown,
            EffectKind.SessionsDown => EffectKind.SessionsUp,
            EffectKind.MaintenanceEarlier => EffectKind.MaintenanceLater,
            EffectKind.MaintenanceLater => EffectKind.MaintenanceEarlier,
            _ => null,
        };

        for (var i = 0; i < modifiers.Count; i++)
        {
            for (var j = i + 1; j < modifiers.Count; j++)
            {
                if (Opposite(modifiers[i].Effect) == modifiers[j].Effect && Key(modifiers[i].When) == Key(modifiers[j].When))
                {
                    yield return (j, i);
                }
            }
        }
    }
}
