namespace MicroneedlingPlanner.Domain.Intake;

public enum Concern { FineLinesWrinkles, AcneScars, Hyperpigmentation, StretchMarks, EnlargedPores, Texture, LooseSkin, HairLoss }

public enum AcneScarType { Icepick, Boxcar, Rolling }

public enum ScarSeverity { Mild, Moderate, Severe }

public enum SkinSensitivity { Resilient, Normal, Sensitive }

public enum Smoking { Never, Former, Occasional, Daily }

public enum SunExposure { Low, Moderate, High }

public enum SkincareRoutine { None, Basic, Consistent }

public enum Alcohol { None, Moderate, Heavy }

public enum SleepAndNutrition { Good, Fair, Poor }

public enum Medication { BloodThinners, Isotretinoin, TopicalRetinoids, Immunosuppressants }

public enum Condition
{
    /// <summary>Pregnant or breastfeeding.</summary>
    Pregnancy,

    /// <summary>Including an active cold sore.</summary>
    ActiveInfection,
    ActiveAcne,
    ColdSoreHistory,
    KeloidTendency,
    BleedingDisorder,
    SkinCancer,
    Diabetes,
    AutoimmuneDisease,
    MetalAllergy,
    AnaestheticAllergy,
}

/// <summary>
/// A patient's answers to the questionnaire. Single-choice answers are nullable so that a missing
/// answer is reported instead of silently taking the first option; lists may be empty, and a list
/// set to null (JSON <c>null</c>) is taken as empty, so no reader ever meets a null list.
/// </summary>
public sealed record IntakeAnswers
{
    public IReadOnlyList<Concern> Concerns { get; init => field = value ?? []; } = [];
    public IReadOnlyList<AcneScarType> AcneScarTypes { get; init => field = value ?? []; } = [];
    public ScarSeverity? AcneScarSeverity { get; init; }
    public int? Age { get; init; }

    /// <summary>Optional: many patients do not know theirs.</summary>
    public int? FitzpatrickType { get; init; }

    public SkinSensitivity? SkinSensitivity { get; init; }
    public Smoking? Smoking { get; init; }
    public SunExposure? SunExposure { get; init; }
    public bool? DailySunscreen { get; init; }
    public SkincareRoutine? SkincareRoutine { get; init; }
    public Alcohol? Alcohol { get; init; }
    public SleepAndNutrition? SleepAndNutrition { get; init; }
    public IReadOnlyList<Medication> Medications { get; init => field = value ?? []; } = [];
    public IReadOnlyList<Condition> Conditions { get; init => field = value ?? []; } = [];
    public bool? UsedHomeDevice { get; init; }
    public DateOnly? PreferredStartDate { get; init; }

    /// <summary>Anything else the clinician should know; read by a person, never by the rules.</summary>
    public string? Note { get; init; }
}
