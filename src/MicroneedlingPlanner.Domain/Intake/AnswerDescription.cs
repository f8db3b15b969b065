namespace MicroneedlingPlanner.Domain.Intake;

/// <summary>How a rule condition tests an answer: by its values, by a number range, or by yes or no.</summary>
public enum AnswerKind { OneOf, ManyOf, Number, YesNo }

/// <summary>
/// One answer a rule condition can test: its name in the answers' JSON, what kind it is, its
/// allowed values and their words, and how to read it from <see cref="IntakeAnswers"/>. The rule
/// validator, the intake validator and the planner all read answers through this, so a new answer
/// needs only its property, its description in <see cref="Answers"/> and its question text.
/// </summary>
public sealed class AnswerDescription
{
    /// <summary>What <see cref="ValueIn"/> gives past the last value, or for an unanswered question.</summary>
    internal const int NoValue = int.MinValue;

    private readonly Func<IntakeAnswers, int, int> valueAt;
    private readonly Func<string, string> valueLabel;

    internal AnswerDescription(
        string name,
        AnswerKind kind,
        string label,
        IReadOnlyList<string> values,
        Func<string, string> valueLabel,
        Func<IntakeAnswers, int, int> valueAt,
        int? min = null,
        int? max = null)
    {
        Name = name;
        Kind = kind;
        Label = label;
        Values = values;
        this.valueLabel = valueLabel;
        this.valueAt = valueAt;
        Min = min;
        Max = max;
    }

    /// <summary>camelCase, as in the answers' JSON, in <see cref="FieldError.Field"/> and in a rule's clause.</summary>
    public string Name { get; }

    public AnswerKind Kind { get; }

    /// <summary>Plain words for an admin, e.g. "Acne scar severity".</summary>
    public string Label { get; }

    /// <summary>The allowed values (enum names) of a OneOf or ManyOf answer, in the order of their numbers; empty otherwise.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>For a Number answer, the smallest and largest a patient can give.</summary>
    public int? Min { get; }

    public int? Max { get; }

    /// <summary>Plain words for one value, e.g. "Fine lines and wrinkles" or "Topical retinoids" (from the name's own words).</summary>
    public string ValueLabel(string value) => valueLabel(value);

    /// <summary>
    /// The patient's <paramref name="index"/>th value, or <see cref="NoValue"/> past the last (at
    /// once when unanswered); only a ManyOf answer has more than one. A value is its position in
    /// <see cref="Values"/> (outside it when the answer holds an undefined enum value), the number
    /// itself, or 0 for no and 1 for yes. The planner reads every condition through this, so it
    /// does not allocate.
    /// </summary>
    internal int ValueIn(IntakeAnswers answers, int index) => valueAt(answers, index);

    public override string ToString() => Name;
}
