namespace MicroneedlingPlanner.Domain.Intake;

/// <summary>
/// The words an admin or a patient reads for each concern: the enum names are run together
/// ("FineLinesWrinkles") and lose the "and".
/// </summary>
public static class ConcernLabels
{
    public static string Label(this Concern concern) => concern switch
    {
        Concern.FineLinesWrinkles => "Fine lines and wrinkles",
        Concern.AcneScars => "Acne scars",
        Concern.Hyperpigmentation => "Hyperpigmentation",
        Concern.StretchMarks => "Stretch marks",
        Concern.EnlargedPores => "Enlarged pores",
        Concern.Texture => "Texture",
        Concern.LooseSkin => "Loose skin",
        Concern.HairLoss => "Hair loss",
        _ => concern.ToString(),
    };
}
