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
    private readonly Func<IntakeAnswers, int> count;
    private readonly Func<IntakeAnswers, int, int> valueAt;
    private readonly Func<string, string> valueLabel;

    internal AnswerDescription(
        string name,
        AnswerKind kind,
        string label,
        IReadOnlyList<string> values,
        Func<string, string> valueLabel,
        Func<IntakeAnswers, int> count,
        Func<IntakeAnswers, int, int> valueAt,
        int? min = null,
        int? max = null)
    {
        Name = name;
        Kind = kind;
        Label = label;
        Values = values;
        this.valueLabel = valueLabel;
        this.count = count;
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

    /// <summary>Plain words for one value, e.g. "Fine lines and wrinkles"; a value it does not know comes back as given.</summary>
    public string ValueLabel(string value) => valueLabel(value);

    /// <summary>
    /// How many values the patient gave: 0 when unanswered, 1 for every answer but a ManyOf list.
    /// Read with <see cref="ValueIn"/> without allocating, as the planner does for every condition.
    /// </summary>
    internal int CountIn(IntakeAnswers answers) => count(answers);

    /// <summary>
    /// The <paramref name="index"/>th value: its position in <see cref="Values"/> (outside it when
    /// the answer holds an undefined enum value), the number itself, or 0 for no and 1 for yes.
    /// </summary>
    internal int ValueIn(IntakeAnswers answers, int index) => valueAt(answers, index);

    public override string ToString() => Name;
}
