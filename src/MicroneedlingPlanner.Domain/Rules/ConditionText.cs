using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>A condition in words an admin reads, e.g. "Smoking is Occasional or Daily and Age is 50 or more".</summary>
public static class ConditionText
{
    public static string Describe(RuleCondition condition) =>
        condition.AllOf.Count == 0 ? "never" : string.Join(" and ", condition.AllOf.Select(Describe));

    /// <summary>In the answer's words where it is known; an unknown answer (which RuleSetValidator reports) by its name.</summary>
    public static string Describe(Clause clause)
    {
        var answer = Answers.Find(clause.Field);
        var label = answer?.Label ?? clause.Field;
        return clause switch
        {
            { AnyOf: { } values } => $"{label} {(answer?.Kind == AnswerKind.ManyOf ? "include" : "is")} {Or(values.Select(v => answer?.ValueLabel(v) ?? v))}",
            { Is: { } yes } => $"{label} is {(yes ? "Yes" : "No")}",
            { AtLeast: { } least, AtMost: { } most } => $"{label} is {least} to {most}",
            { AtLeast: { } least } => $"{label} is {least} or more",
            { AtMost: { } most } => $"{label} is {most} or less",
            _ => $"{label} is anything",
        };
    }

    private static string Or(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
