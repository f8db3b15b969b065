using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Testing;

/// <summary>Complete, valid answers for the web and browser tests; each test changes only what it is about.</summary>
public static class SampleAnswers
{
    /// <summary>A healthy adult with no risk factors and the given concerns.</summary>
    public static IntakeAnswers LowRisk(DateOnly start, params Concern[] concerns) => new()
    {
        Concerns = concerns,
        Age = 34,
        SkinSensitivity = SkinSensitivity.Normal,
        Smoking = Smoking.Never,
        SunExposure = SunExposure.Moderate,
        DailySunscreen = true,
        SkincareRoutine = SkincareRoutine.Basic,
        Alcohol = Alcohol.Moderate,
        SleepAndNutrition = SleepAndNutrition.Good,
        UsedHomeDevice = false,
        PreferredStartDate = start,
    };

    /// <summary>Moderate boxcar and rolling acne scars.</summary>
    public static IntakeAnswers AcneScars(DateOnly start) => LowRisk(start, Concern.AcneScars) with
    {
        AcneScarTypes = [AcneScarType.Boxcar, AcneScarType.Rolling],
        AcneScarSeverity = ScarSeverity.Moderate,
    };
}
