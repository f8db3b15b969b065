using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Tests.Intake;

/// <summary>
/// Every answer the rules can test is described once, in Answers, and read from its own property:
/// a new property of IntakeAnswers without a description, or a description reading the wrong
/// property or listing the wrong values, fails here.
/// </summary>
public sealed class AnswersTests
{
    // Read by people or by the calendar, never by a rule condition.
    private static readonly string[] NotForRules = [nameof(IntakeAnswers.PreferredStartDate), nameof(IntakeAnswers.Note)];

    public static TheoryData<string> RuleAnswers() =>
        new(typeof(IntakeAnswers).GetProperties().Select(p => p.Name).Where(n => !NotForRules.Contains(n)));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [Fact]
    public void Every_description_is_for_a_property_of_the_answers_and_names_are_unique()
    {
        var properties = typeof(IntakeAnswers).GetProperties().Select(p => Camel(p.Name)).ToList();

        Assert.All(Answers.All, a => Assert.Contains(a.Name, properties));
        Assert.Equal(Answers.All.Count, Answers.All.Select(a => a.Name).Distinct().Count());
        Assert.Equal(RuleAnswers().Count, Answers.All.Count);
    }

    [Theory]
    [MemberData(nameof(RuleAnswers))]
    public void Each_answer_property_is_described_with_its_kind_and_values(string property)
    {
        var type = typeof(IntakeAnswers).GetProperty(property)!.PropertyType;
        var answer = Answers.Find(Camel(property));

        Assert.NotNull(answer);
        var (kind, values) = KindOf(type);
        Assert.Equal(kind, answer.Kind);
        Assert.Equal(values, answer.Values);
        Assert.Equal(kind == AnswerKind.Number, answer.Min is not null && answer.Max is not null);
    }

    /// <summary>Each description reads its own property: a patient with one answer given is seen to have given exactly that.</summary>
    [Theory]
    [MemberData(nameof(RuleAnswers))]
    public void Each_description_reads_its_own_property(string property)
    {
        var info = typeof(IntakeAnswers).GetProperty(property)!;
        var (kind, values) = KindOf(info.PropertyType);
        var (given, expected) = kind switch
        {
            AnswerKind.Number => ((object)37, 37),
            AnswerKind.YesNo => (true, 1),
            AnswerKind.OneOf => (Enum.Parse(Nullable.GetUnderlyingType(info.PropertyType)!, values[^1]), values.Count - 1),
            _ => (ListOf(info.PropertyType.GetGenericArguments()[0], values[^1]), values.Count - 1),
        };
        var answers = new IntakeAnswers();
        info.SetValue(answers, given);

        foreach (var answer in Answers.All)
        {
            var read = Enumerable.Range(0, 3).Select(i => answer.ValueIn(answers, i)).TakeWhile(v => v != AnswerDescription.NoValue).ToList();
            Assert.Equal(answer.Name == Camel(property) ? [expected] : [], read);
        }
    }

    [Fact]
    public void Values_have_plain_labels()
    {
        Assert.Equal("Fine lines and wrinkles", Answers.Concerns.ValueLabel(nameof(Concern.FineLinesWrinkles)));
        Assert.Equal("Topical retinoids", Answers.Medications.ValueLabel(nameof(Medication.TopicalRetinoids)));
        Assert.Equal("Icepick", Answers.AcneScarTypes.ValueLabel(nameof(AcneScarType.Icepick)));
        Assert.Equal("Yes", Answers.DailySunscreen.ValueLabel("true"));
        Assert.Null(Answers.Find("Smoking"));
    }

    private static (AnswerKind Kind, IReadOnlyList<string> Values) KindOf(Type type)
    {
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        if (bare.IsGenericType)
        {
            return (AnswerKind.ManyOf, EnumValues(bare.GetGenericArguments()[0]));
        }

        return bare == typeof(int) ? (AnswerKind.Number, [])
            : bare == typeof(bool) ? (AnswerKind.YesNo, [])
            : (AnswerKind.OneOf, EnumValues(bare));
    }

    /// <summary>The enum's names, checked to run 0, 1, 2… as ints, which is how the planner finds a value's position.</summary>
    private static IReadOnlyList<string> EnumValues(Type type)
    {
        Assert.True(type.IsEnum, $"{type.Name} is neither a number, yes/no nor an enum; describe how the rules test it.");
        Assert.Equal(typeof(int), Enum.GetUnderlyingType(type));
        var numbers = Enum.GetValuesAsUnderlyingType(type).Cast<int>().Order().ToList();
        Assert.Equal(Enumerable.Range(0, numbers.Count), numbers);
        return [.. numbers.Select(n => Enum.GetName(type, n)!)];
    }

    private static Array ListOf(Type item, string value)
    {
        var array = Array.CreateInstance(item, 1);
        array.SetValue(Enum.Parse(item, value), 0);
        return array;
    }
}
