using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Planning;

/// <summary>A made-up patient an admin tries a rule change on, with the one line that says who it is.</summary>
public sealed record ReferenceProfile(string Name, IntakeAnswers Answers);

/// <summary>
/// The fixed patients every draft is tried on before it is published, whatever plans are stored:
/// one per concern, the acne-scar severities and types, and the answers the modifiers and screening
/// rules of the default rules look at. Start dates are fixed so that two runs compare equal.
/// </summary>
public static class ReferenceProfiles
{
    public static readonly DateOnly Start = new(2027, 1, 4);

    public static IReadOnlyList<ReferenceProfile> All { get; } = Build();

    private static IntakeAnswers Healthy(params Concern[] concerns) => new()
    {
        Concerns = concerns,
        Age = 35,
        SkinSensitivity = SkinSensitivity.Normal,
        Smoking = Smoking.Never,
        SunExposure = SunExposure.Low,
        DailySunscreen = true,
        SkincareRoutine = SkincareRoutine.Consistent,
        Alcohol = Alcohol.None,
        SleepAndNutrition = SleepAndNutrition.Good,
        UsedHomeDevice = false,
        PreferredStartDate = Start,
    };

    private static IntakeAnswers Scars(ScarSeverity severity, params AcneScarType[] types) =>
        Healthy(Concern.AcneScars) with { AcneScarSeverity = severity, AcneScarTypes = types };

    private static List<ReferenceProfile> Build()
    {
        var profiles = Enum.GetValues<Concern>()
            .Where(c => c != Concern.AcneScars)
            .Select(c => new ReferenceProfile($"Healthy 35-year-old, {c.Label().ToLowerInvariant()}", Healthy(c)))
            .ToList();
        profiles.AddRange(
        [
            new("Mild rolling acne scars", Scars(ScarSeverity.Mild, AcneScarType.Rolling)),
            new("Moderate boxcar acne scars", Scars(ScarSeverity.Moderate, AcneScarType.Boxcar)),
            new("Severe icepick and boxcar acne scars", Scars(ScarSeverity.Severe, AcneScarType.Icepick, AcneScarType.Boxcar)),
            new("58-year-old daily smoker, heavy drinker, poor sleep, fine lines", Healthy(Concern.FineLinesWrinkles) with
            {
                Age = 58, Smoking = Smoking.Daily, Alcohol = Alcohol.Heavy, SleepAndNutrition = SleepAndNutrition.Poor,
            }),
            new("20-year-old with active acne and moderate scars", Scars(ScarSeverity.Moderate, AcneScarType.Rolling) with
            {
                Age = 20, Conditions = [Condition.ActiveAcne],
            }),
            new("Skin type 5, dark patches, high sun without sunscreen", Healthy(Concern.Hyperpigmentation) with
            {
                FitzpatrickType = 5, SunExposure = SunExposure.High, DailySunscreen = false,
            }),
            new("Pregnant, texture", Healthy(Concern.Texture) with { Conditions = [Condition.Pregnancy] }),
            new("On blood thinners, loose skin", Healthy(Concern.LooseSkin) with { Medications = [Medication.BloodThinners] }),
            new("Topical retinoids, sensitive skin, home device, no routine", Healthy(Concern.Texture, Concern.EnlargedPores) with
            {
                Medications = [Medication.TopicalRetinoids], SkinSensitivity = SkinSensitivity.Sensitive, UsedHomeDevice = true, SkincareRoutine = SkincareRoutine.None,
            }),
            new("Several concerns: acne scars, fine lines, dark patches", Scars(ScarSeverity.Moderate, AcneScarType.Boxcar) with
            {
                Concerns = [Concern.AcneScars, Concern.FineLinesWrinkles, Concern.Hyperpigmentation],
            }),
        ]);
        return profiles;
    }
}
