using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>A condition in words an admin reads, e.g. "Smoking is Occasional or Daily and Age is 50 or more".</summary>
public static class ConditionText
{
    private static readonly AnswerField[] ListFields = [AnswerField.Concerns, AnswerField.AcneScarTypes, AnswerField.Medications, AnswerField.Conditions];

    public static string Describe(RuleCondition condition) =>
        condition.AllOf.Count == 0 ? "never" : string.Join(" and ", condition.AllOf.Select(Describe));

    public static string Describe(Clause clause)
    {
        var answer = Words.FromName(clause.Field.ToString());
        return clause switch
        {
            { AnyOf: { } values } => $"{answer} {(ListFields.Contains(clause.Field) ? "include" : "is")} {Or(values.Select(v => ValueLabel(clause.Field, v)))}",
            { Is: { } yes } => $"{answer} is {(yes ? "Yes" : "No")}",
            { AtLeast: { } least, AtMost: { } most } => $"{answer} is {least} to {most}",
            { AtLeast: { } least } => $"{answer} is {least} or more",
            { AtMost: { } most } => $"{answer} is {most} or less",
            _ => $"{answer} is anything",
        };
    }

    private static string ValueLabel(AnswerField field, string value) =>
        field == AnswerField.Concerns && Enum.TryParse<Concern>(value, out var concern) ? concern.Label() : Words.FromName(value);

    private static string Or(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
