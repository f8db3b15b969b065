using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>
/// A patient's answers as one bit per chosen value for each field, so testing a clause against
/// them is a single AND with the clause's mask. Yes/no answers use bit 0 for no and bit 1 for yes;
/// an unanswered field has no bit set and matches nothing.
/// </summary>
internal static class AnswerBits
{
    public static readonly int FieldCount = Enum.GetValues<AnswerField>().Length;

    public static uint Bit(int value) => 1u << value;

    public static uint YesNo(bool value) => Bit(value ? 1 : 0);

    public static void Fill(Span<uint> bits, IntakeAnswers a)
    {
        bits.Clear();
        bits[(int)AnswerField.Concerns] = Bits(a.Concerns);
        bits[(int)AnswerField.AcneScarTypes] = Bits(a.AcneScarTypes);
        bits[(int)AnswerField.Medications] = Bits(a.Medications);
        bits[(int)AnswerField.Conditions] = Bits(a.Conditions);
        bits[(int)AnswerField.AcneScarSeverity] = Bits(a.AcneScarSeverity);
        bits[(int)AnswerField.SkinSensitivity] = Bits(a.SkinSensitivity);
        bits[(int)AnswerField.Smoking] = Bits(a.Smoking);
        bits[(int)AnswerField.SunExposure] = Bits(a.SunExposure);
        bits[(int)AnswerField.SkincareRoutine] = Bits(a.SkincareRoutine);
        bits[(int)AnswerField.Alcohol] = Bits(a.Alcohol);
        bits[(int)AnswerField.SleepAndNutrition] = Bits(a.SleepAndNutrition);
        bits[(int)AnswerField.DailySunscreen] = a.DailySunscreen is { } sunscreen ? YesNo(sunscreen) : 0;
        bits[(int)AnswerField.UsedHomeDevice] = a.UsedHomeDevice is { } device ? YesNo(device) : 0;
    }

    /// <summary>True when every clause holds.</summary>
    public static bool Hold(ReadOnlySpan<CompiledClause> clauses, ReadOnlySpan<uint> bits, IntakeAnswers a)
    {
        foreach (var clause in clauses)
        {
            var holds = clause.Field switch
            {
                AnswerField.Age => InRange(clause, a.Age),
                AnswerField.FitzpatrickType => InRange(clause, a.FitzpatrickType),
                _ => (bits[(int)clause.Field] & clause.Mask) != 0,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool InRange(CompiledClause clause, int? value) => value is { } v && v >= clause.AtLeast && v <= clause.AtMost;

    // Indexing rather than foreach: enumerating through the interface would allocate.
    private static uint Bits<T>(IReadOnlyList<T> values)
        where T : struct, Enum
    {
        var bits = 0u;
        for (var i = 0; i < values.Count; i++)
        {
            bits |= Bits<T>(values[i]);
        }

        return bits;
    }

    private static uint Bits<T>(T? value)
        where T : struct, Enum =>
        value is { } v ? Bit(System.Runtime.CompilerServices.Unsafe.As<T, int>(ref v)) : 0;
}
