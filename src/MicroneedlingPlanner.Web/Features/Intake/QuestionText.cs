using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Web.Features.Intake;

/// <summary>A choice as the patient reads it: a label and, where it helps, a short description.</summary>
public sealed record Choice<T>(T Value, string Label, string? Hint = null);

/// <summary>
/// The questionnaire's wording in one place: plain labels for every answer and why each question
/// is asked. Scar descriptions follow Jacob et al. 2001 and the severity scale Goodman and Baron
/// 2006, as summarised in literature-notes.md (by shape and visibility, since patients cannot judge depth).
/// </summary>
public static class QuestionText
{
    public static readonly Choice<Concern>[] Concerns =
    [
        new(Concern.FineLinesWrinkles, "Fine lines and wrinkles"),
        new(Concern.AcneScars, "Acne scars"),
        new(Concern.Hyperpigmentation, "Dark patches or uneven skin colour", "Also called hyperpigmentation."),
        new(Concern.StretchMarks, "Stretch marks"),
        new(Concern.EnlargedPores, "Enlarged pores"),
        new(Concern.Texture, "Rough or uneven skin texture"),
        new(Concern.LooseSkin, "Loose or less firm skin"),
        new(Concern.HairLoss, "Thinning hair or hair loss"),
    ];

    public static readonly Choice<AcneScarType>[] ScarTypes =
    [
        new(AcneScarType.Icepick, "Icepick scars", "Very narrow (under about 2 mm, like a pinprick), deep, with sharp edges."),
        new(AcneScarType.Boxcar, "Boxcar scars", "Round or oval dents with steep edges, about 1.5 to 4 mm across."),
        new(AcneScarType.Rolling, "Rolling scars", "Wide (over about 4 mm), soft-edged dips that make the skin look wavy."),
    ];

    public static readonly Choice<ScarSeverity>[] Severities =
    [
        new(ScarSeverity.Mild, "Mild", "Not obvious from a normal talking distance; make-up covers them."),
        new(ScarSeverity.Moderate, "Moderate", "Obvious from a normal talking distance; they flatten when you stretch the skin."),
        new(ScarSeverity.Severe, "Severe", "Obvious, and they do not flatten when you stretch the skin."),
    ];

    public static readonly Choice<int>[] SkinTypes =
    [
        new(1, "Type 1", "Always burns, never tans; very fair skin."),
        new(2, "Type 2", "Usually burns, tans a little."),
        new(3, "Type 3", "Sometimes burns, tans gradually."),
        new(4, "Type 4", "Rarely burns, tans easily; light brown skin."),
        new(5, "Type 5", "Very rarely burns; brown skin."),
        new(6, "Type 6", "Never burns; dark brown or black skin."),
    ];

    public static readonly Choice<SkinSensitivity>[] Sensitivities =
    [
        new(SkinSensitivity.Resilient, "Rarely reacts", "Products and weather seldom bother my skin."),
        new(SkinSensitivity.Normal, "Sometimes reacts"),
        new(SkinSensitivity.Sensitive, "Easily irritated", "Stings, reddens or itches with many products."),
    ];

    public static readonly Choice<Smoking>[] Smoking =
    [
        new(Domain.Intake.Smoking.Never, "Never"),
        new(Domain.Intake.Smoking.Former, "I used to, but stopped"),
        new(Domain.Intake.Smoking.Occasional, "Now and then"),
        new(Domain.Intake.Smoking.Daily, "Every day"),
    ];

    public static readonly Choice<SunExposure>[] Sun =
    [
        new(SunExposure.Low, "Little", "Mostly indoors."),
        new(SunExposure.Moderate, "Some", "Outdoors for part of most days."),
        new(SunExposure.High, "A lot", "Outdoor work, sport or sunny holidays."),
    ];

    public static readonly Choice<SkincareRoutine>[] Routines =
    [
        new(SkincareRoutine.None, "No regular routine"),
        new(SkincareRoutine.Basic, "Basic", "Cleanser and moisturiser."),
        new(SkincareRoutine.Consistent, "Consistent", "A daily routine I keep to, with sunscreen."),
    ];

    public static readonly Choice<Alcohol>[] Alcohol =
    [
        new(Domain.Intake.Alcohol.None, "None"),
        new(Domain.Intake.Alcohol.Moderate, "Some", "Within the usual guidelines."),
        new(Domain.Intake.Alcohol.Heavy, "A lot", "More than the usual guidelines most weeks."),
    ];

    public static readonly Choice<SleepAndNutrition>[] Sleep =
    [
        new(SleepAndNutrition.Good, "Good"),
        new(SleepAndNutrition.Fair, "Fair"),
        new(SleepAndNutrition.Poor, "Poor"),
    ];

    public static readonly Choice<Medication>[] Medications =
    [
        new(Medication.BloodThinners, "Blood thinners", "For example warfarin, apixaban, rivaroxaban, or daily aspirin."),
        new(Medication.Isotretinoin, "Isotretinoin (Roaccutane), now or in the last 6 months"),
        new(Medication.TopicalRetinoids, "Retinoid creams or gels", "For example tretinoin, adapalene or retinol."),
        new(Medication.Immunosuppressants, "Medicines that lower immunity", "For example steroids taken by mouth, or after a transplant."),
    ];

    public static readonly Choice<Condition>[] Conditions =
    [
        new(Condition.Pregnancy, "Pregnant or breastfeeding"),
        new(Condition.ActiveInfection, "An infection, open sore or cold sore on the area now"),
        new(Condition.ActiveAcne, "Active, inflamed acne on the area now"),
        new(Condition.ColdSoreHistory, "Cold sores in the past"),
        new(Condition.KeloidTendency, "Raised, thick scars after cuts (keloids)"),
        new(Condition.BleedingDisorder, "A bleeding or clotting disorder"),
        new(Condition.SkinCancer, "Skin cancer, now or in the past, on the area"),
        new(Condition.Diabetes, "Diabetes"),
        new(Condition.AutoimmuneDisease, "An autoimmune condition", "For example lupus or psoriasis."),
        new(Condition.MetalAllergy, "Allergy to metals such as nickel or stainless steel"),
        new(Condition.AnaestheticAllergy, "Allergy to numbing creams or local anaesthetics"),
    ];

    /// <summary>
    /// "Why we ask" for each answer, by its name in <see cref="Answers"/>: what it really changes in the plan under the default rules,
    /// and nothing it does not (QuestionTextTests checks each line against the rules' effects).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Why = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Answers.Concerns.Name] = "each concern has its own usual number of sessions, time between them and top-ups. For some, a clinician checks first, because devices are not authorised for them.",
        [Answers.AcneScarTypes.Name] = "deep, narrow scars need more sessions, and rolling scars may respond better with another treatment alongside.",
        [Answers.AcneScarSeverity.Name] = "more noticeable scars need more sessions, mild ones often fewer, and severe scars may not disappear completely.",
        [Answers.Age.Name] = "from 50, the plan adds a session and suggests earlier top-ups, because older skin responds more slowly. Under 22, a clinician checks first: devices are authorised from age 22.",
        [Answers.FitzpatrickType.Name] = "darker skin can form dark marks after inflammation, so a clinician checks the settings and aftercare with you. Leave it if you are not sure.",
        [Answers.SkinSensitivity.Name] = "sensitive skin can take longer to settle after each session, and the plan gives you a tip about it. It does not change the dates.",
        [Answers.Smoking.Name] = "smoking slows healing and makes results fade sooner, so the plan spaces your sessions a week further apart and suggests earlier top-ups.",
        [Answers.SunExposure.Name] = "a lot of sun without daily sunscreen breaks down new collagen, so the plan then suggests earlier top-ups.",
        [Answers.DailySunscreen.Name] = "with a lot of sun, daily sunscreen helps results last; without it, the plan suggests earlier top-ups.",
        [Answers.SkincareRoutine.Name] = "a simple daily routine helps results last; without one, the plan gives you a tip. It does not change the dates.",
        [Answers.Alcohol.Name] = "a lot of alcohol slows healing, so the plan then spaces your sessions a week further apart and suggests earlier top-ups.",
        [Answers.SleepAndNutrition.Name] = "poor sleep and diet slow healing, so the plan then spaces your sessions a week further apart and suggests earlier top-ups.",
        [Answers.Medications.Name] = "some medicines affect bleeding, healing or how your skin reacts. With some, a clinician must check before treatment.",
        [Answers.Conditions.Name] = "these can make treatment unsafe until a clinician has checked.",
        [Answers.UsedHomeDevice.Name] = "home devices carry a higher risk of infection, and the plan gives you a tip about it. It does not change the dates.",
    };

    public static string StepTitle(QuestionnaireStep step) => step switch
    {
        QuestionnaireStep.Concerns => "Your skin",
        QuestionnaireStep.AcneScars => "Acne scars",
        QuestionnaireStep.AboutYou => "About you",
        QuestionnaireStep.Lifestyle => "Everyday habits",
        QuestionnaireStep.Health => "Health and medicines",
        _ => "When to start",
    };

    public static string Label(Concern concern) => Concerns.First(c => c.Value == concern).Label;
}
