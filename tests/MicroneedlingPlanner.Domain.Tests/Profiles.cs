using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Tests;

/// <summary>Answers for tests: a healthy, low-risk baseline that each test changes where it matters.</summary>
internal static class Profiles
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public static IntakeAnswers Baseline(params Concern[] concerns) => new()
    {
        Concerns = concerns.Length == 0 ? [Concern.Texture] : concerns,
        Age = 35,
        SkinSensitivity = SkinSensitivity.Normal,
        Smoking = Smoking.Never,
        SunExposure = SunExposure.Low,
        DailySunscreen = true,
        SkincareRoutine = SkincareRoutine.Consistent,
        Alcohol = Alcohol.None,
        SleepAndNutrition = SleepAndNutrition.Good,
        UsedHomeDevice = false,
        PreferredStartDate = Today.AddDays(14),
    };

    public static IntakeAnswers AcneScars(ScarSeverity severity, params AcneScarType[] types) =>
        Baseline(Concern.AcneScars) with { AcneScarSeverity = severity, AcneScarTypes = types };
}
