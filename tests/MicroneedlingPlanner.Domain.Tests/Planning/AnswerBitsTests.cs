using System.Runtime.InteropServices;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

public sealed class AnswerBitsTests
{
    // The planner gives each value of an answer one bit of a mask (AnswerBits.Bit shifts 1 by the
    // value). C# takes a shift count modulo the mask's width, so a value past the last bit would
    // silently share a bit with a smaller one and match rules that name the other value.
    private static readonly int MaskBits = Marshal.SizeOf(typeof(CompiledClause).GetProperty(nameof(CompiledClause.Mask))!.PropertyType) * 8;

    /// <summary>Every enum that IntakeAnswers uses, alone, nullable or as a list; a new answer is covered by adding it there.</summary>
    public static TheoryData<Type> AnswerEnums() => new(AnswerEnumTypes());

    [Theory]
    [MemberData(nameof(AnswerEnums))]
    public void Every_value_of_an_answer_has_its_own_bit_in_the_planners_masks(Type answer)
    {
        var values = Enum.GetValuesAsUnderlyingType(answer).Cast<object>().Select(Convert.ToInt64).ToList();

        Assert.True(values.All(v => v >= 0 && v < MaskBits),
            $"{answer.Name} has values {values.Min()} to {values.Max()} ({values.Count} in all), but the planner's masks are {MaskBits} bits wide: " +
            $"at most {MaskBits} values, numbered 0 to {MaskBits - 1}, fit. Widen the masks in AnswerBits and CompiledClause, or split the answer.");
    }

    [Fact]
    public void The_answer_enums_are_found_through_IntakeAnswers()
    {
        var found = AnswerEnumTypes().ToList();

        Assert.Contains(typeof(Concern), found);
        Assert.Contains(typeof(Smoking), found);
        Assert.Contains(typeof(Condition), found);
    }

    private static IEnumerable<Type> AnswerEnumTypes() =>
        typeof(IntakeAnswers).GetProperties().Select(p => EnumOf(p.PropertyType)).OfType<Type>().Distinct();

    private static Type? EnumOf(Type property)
    {
        var item = property.IsGenericType && Nullable.GetUnderlyingType(property) is null ? property.GetGenericArguments()[0] : property;
        var bare = Nullable.GetUnderlyingType(item) ?? item;
        return bare.IsEnum ? bare : null;
    }
}
