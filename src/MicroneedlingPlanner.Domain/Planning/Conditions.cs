using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>Evaluates a rule's condition against a patient's answers.</summary>
public static class Conditions
{
    public static bool Holds(RuleCondition condition, IntakeAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(condition);
        foreach (var clause in condition.AllOf)
        {
            if (!Holds(clause, answers))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(Clause clause, IntakeAnswers a) => clause.Field switch
    {
        AnswerField.Concerns => AnyOf(clause, a.Concerns),
        AnswerField.AcneScarTypes => AnyOf(clause, a.AcneScarTypes),
        AnswerField.Medications => AnyOf(clause, a.Medications),
        AnswerField.Conditions => AnyOf(clause, a.Conditions),
        AnswerField.AcneScarSeverity => OneOf(clause, a.AcneScarSeverity),
        AnswerField.SkinSensitivity => OneOf(clause, a.SkinSensitivity),
        AnswerField.Smoking => OneOf(clause, a.Smoking),
        AnswerField.SunExposure => OneOf(clause, a.SunExposure),
        AnswerField.SkincareRoutine => OneOf(clause, a.SkincareRoutine),
        AnswerField.Alcohol => OneOf(clause, a.Alcohol),
        AnswerField.SleepAndNutrition => OneOf(clause, a.SleepAndNutrition),
        AnswerField.Age => InRange(clause, a.Age),
        AnswerField.FitzpatrickType => InRange(clause, a.FitzpatrickType),
        AnswerField.DailySunscreen => clause.Is is { } sunscreen && a.DailySunscreen == sunscreen,
        AnswerField.UsedHomeDevice => clause.Is is { } device && a.UsedHomeDevice == device,
        _ => false,
    };

    private static bool AnyOf<T>(Clause clause, IReadOnlyList<T> values)
        where T : struct, Enum
    {
        foreach (var value in values)
        {
            if (OneOf<T>(clause, value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OneOf<T>(Clause clause, T? value)
        where T : struct, Enum
    {
        if (value is null || clause.AnyOf is null)
        {
            return false;
        }

        var name = value.Value.ToString();
        foreach (var option in clause.AnyOf)
        {
            if (string.Equals(option, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InRange(Clause clause, int? value) =>
        value is { } v && (clause.AtLeast is null || v >= clause.AtLeast) && (clause.AtMost is null || v <= clause.AtMost);
}
