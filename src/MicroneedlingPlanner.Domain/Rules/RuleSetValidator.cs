using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>
/// Checks a rule set before it is used or saved: every range ordered with its default inside,
/// every number and piece of advice cited, every citation id resolving, every condition naming
/// real answers, and no two modifiers pulling the same answers in opposite directions.
/// Returns every problem, each with the path of the rule it concerns.
/// </summary>
public static class RuleSetValidator
{
    private static readonly AnswerField[] NumberFields = [AnswerField.Age, AnswerField.FitzpatrickType];
    private static readonly AnswerField[] YesNoFields = [AnswerField.DailySunscreen, AnswerField.UsedHomeDevice];

    public static IReadOnlyList<string> Validate(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        if (string.IsNullOrWhiteSpace(rules.Version))
        {
            problems.Add("version: a rule set needs a version.");
        }

        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in rules.Sources)
        {
            if (!sources.Add(source.Id))
            {
                problems.Add($"sources[{source.Id}]: the id is used twice.");
            }

            if (string.IsNullOrWhiteSpace(source.Title))
            {
                problems.Add($"sources[{source.Id}]: a source needs a title, so that a patient can tell which it is.");
            }
        }

        foreach (var citation in rules.Citations)
        {
            if (!ids.Add(citation.Id))
            {
                problems.Add($"citations[{citation.Id}]: the id is used twice.");
            }

            if (string.IsNullOrWhiteSpace(citation.Quote))
            {
                problems.Add($"citations[{citation.Id}]: a citation needs a quote or a summary of what the source says.");
            }

            if (!sources.Contains(citation.Source))
            {
                problems.Add($"citations[{citation.Id}]: source '{citation.Source}' is not in the rule set's sources.");
            }

            if (citation.Line is < 1)
            {
                problems.Add($"citations[{citation.Id}]: line numbers start at 1.");
            }
        }

        void Cited(string path, IReadOnlyList<string> citations)
        {
            if (citations.Count == 0)
            {
                problems.Add($"{path}: cite at least one source.");
            }

            foreach (var id in citations.Where(id => !ids.Contains(id)))
            {
                problems.Add($"{path}: citation '{id}' is not in the rule set's citations.");
            }
        }

        foreach (var concern in Enum.GetValues<Concern>())
        {
            var count = rules.Concerns.Count(c => c.Concern == concern);
            if (count != 1)
            {
                problems.Add($"concerns[{concern}]: there must be exactly one rule for each concern, found {count}.");
            }
        }

        foreach (var rule in rules.Concerns)
        {
            var path = $"concerns[{rule.Concern}]";
            CheckRange($"{path}.sessions", rule.Sessions.Min, rule.Sessions.Max, rule.Sessions.Default, problems);
            CheckRange($"{path}.intervalWeeks", rule.IntervalWeeks.Min, rule.IntervalWeeks.Max, rule.IntervalWeeks.Default, problems);
            CheckRange($"{path}.maintenanceMonths", rule.MaintenanceMonths.Min, rule.MaintenanceMonths.Max, null, problems);
            Cited($"{path}.sessions", rule.Sessions.Citations);
            Cited($"{path}.intervalWeeks", rule.IntervalWeeks.Citations);
            Cited($"{path}.maintenanceMonths", rule.MaintenanceMonths.Citations);
        }

        foreach (var milestone in rules.Milestones)
        {
            var path = $"milestones[{milestone.Key}]";
            if (milestone.FromDays < 0 || milestone.FromDays > milestone.ToDays)
            {
                problems.Add($"{path}: days must run from 0 or later to a day no earlier (found {milestone.FromDays} to {milestone.ToDays}).");
            }

            if (string.IsNullOrWhiteSpace(milestone.Label))
            {
                problems.Add($"{path}: a milestone needs a label.");
            }

            Cited(path, milestone.Citations);
        }

        var modifierIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var modifier in rules.Modifiers)
        {
            var path = $"modifiers[{modifier.Id}]";
            if (!modifierIds.Add(modifier.Id))
            {
                problems.Add($"{path}: the id is used twice.");
            }

            CheckCondition(path, modifier.When, problems);
            var counts = modifier.Effect is EffectKind.SessionsUp or EffectKind.SessionsDown or EffectKind.IntervalLonger;
            if (counts != modifier.Steps > 0)
            {
                problems.Add($"{path}: steps must be 1 or more for session and interval effects and 0 otherwise.");
            }

            if (modifier.Effect == EffectKind.Advice && string.IsNullOrWhiteSpace(modifier.Advice))
            {
                problems.Add($"{path}: an advice modifier needs advice text.");
            }

            if (string.IsNullOrWhiteSpace(modifier.Reason))
            {
                problems.Add($"{path}: a modifier needs a reason a patient can read.");
            }

            Cited(path, modifier.Citations);
        }

        foreach (var (a, b) in Contradictions(rules.Modifiers))
        {
            problems.Add($"modifiers[{a}]: contradicts modifiers[{b}]: the same answers move the plan in opposite directions.");
        }

        foreach (var rule in rules.Screening)
        {
            var path = $"screening[{rule.Code}]";
            CheckCondition(path, rule.When, problems);
            Cited(path, rule.Citations);
        }

        foreach (var item in rules.Aftercare)
        {
            Cited($"aftercare[{item.Id}]", item.Citations);
        }

        foreach (var adjunct in rules.Adjuncts)
        {
            var path = $"adjuncts[{adjunct.Treatment}]";
            CheckCondition(path, adjunct.When, problems);
            Cited(path, adjunct.Citations);
        }

        foreach (var disagreement in rules.Disagreements)
        {
            Cited($"disagreements[{disagreement.Topic}]", disagreement.Citations);
        }

        return problems;
    }

    private static void CheckRange(string path, int min, int max, int? @default, List<string> problems)
    {
        if (min < 1 || min > max)
        {
            problems.Add($"{path}: the range must start at 1 or more and its minimum must not exceed its maximum (found {min} to {max}).");
        }

        if (@default is { } d && (d < min || d > max))
        {
            problems.Add($"{path}: the default {d} is outside the range {min} to {max}.");
        }
    }

    private static void CheckCondition(string path, RuleCondition condition, List<string> problems)
    {
        if (condition.AllOf.Count == 0)
        {
            problems.Add($"{path}: a condition needs at least one clause.");
        }

        foreach (var clause in condition.AllOf)
        {
            var kinds = (clause.AnyOf is not null ? 1 : 0) + (clause.AtLeast is not null || clause.AtMost is not null ? 1 : 0) + (clause.Is is not null ? 1 : 0);
            if (kinds != 1)
            {
                problems.Add($"{path}: each clause tests one thing: a list of values, a number range, or yes/no.");
                continue;
            }

            if (NumberFields.Contains(clause.Field) != (clause.AtLeast is not null || clause.AtMost is not null)
                || YesNoFields.Contains(clause.Field) != clause.Is is not null)
            {
                problems.Add($"{path}: {clause.Field} cannot be tested that way.");
                continue;
            }

            if (clause.AnyOf is { } values)
            {
                var known = KnownValues(clause.Field);
                foreach (var value in values.Where(v => !known.Contains(v)))
                {
                    problems.Add($"{path}: '{value}' is not a possible answer for {clause.Field}.");
                }
            }
        }
    }

    private static string[] KnownValues(AnswerField field) => field switch
    {
        AnswerField.Concerns => Enum.GetNames<Concern>(),
        AnswerField.AcneScarTypes => Enum.GetNames<AcneScarType>(),
        AnswerField.AcneScarSeverity => Enum.GetNames<ScarSeverity>(),
        AnswerField.SkinSensitivity => Enum.GetNames<SkinSensitivity>(),
        AnswerField.Smoking => Enum.GetNames<Smoking>(),
        AnswerField.SunExposure => Enum.GetNames<SunExposure>(),
        AnswerField.SkincareRoutine => Enum.GetNames<SkincareRoutine>(),
        AnswerField.Alcohol => Enum.GetNames<Alcohol>(),
        AnswerField.SleepAndNutrition => Enum.GetNames<SleepAndNutrition>(),
        AnswerField.Medications => Enum.GetNames<Medication>(),
        AnswerField.Conditions => Enum.GetNames<Condition>(),
        _ => [],
    };

    /// <summary>Pairs of modifiers with the same condition and opposite effects.</summary>
    private static IEnumerable<(string, string)> Contradictions(IReadOnlyList<Modifier> modifiers)
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
                    yield return (modifiers[j].Id, modifiers[i].Id);
                }
            }
        }
    }
}
