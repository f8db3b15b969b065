using System.Globalization;
using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Web.Features.Intake;

/// <summary>The questionnaire's topics, in order; the acne-scar step shows only when acne scars are chosen.</summary>
public enum QuestionnaireStep { Concerns, AcneScars, AboutYou, Lifestyle, Health, Start }

/// <summary>
/// The answers while the patient edits them. Acne-scar answers are kept when the patient
/// unticks acne scars, so ticking it again restores them; they are left out of the answers the
/// planner sees until acne scars is chosen again.
/// </summary>
public sealed class QuestionnaireForm
{
    public HashSet<Concern> Concerns { get; } = [];
    public HashSet<AcneScarType> AcneScarTypes { get; } = [];
    public ScarSeverity? AcneScarSeverity { get; set; }
    public int? Age { get; private set; }

    /// <summary>The age as typed, shown back as it was so that a mistyped age can be corrected rather than retyped.</summary>
    public string? AgeText { get; private set; }
    public int? FitzpatrickType { get; set; }
    public SkinSensitivity? SkinSensitivity { get; set; }
    public Smoking? Smoking { get; set; }
    public SunExposure? SunExposure { get; set; }
    public bool? DailySunscreen { get; set; }
    public SkincareRoutine? SkincareRoutine { get; set; }
    public Alcohol? Alcohol { get; set; }
    public SleepAndNutrition? SleepAndNutrition { get; set; }
    public HashSet<Medication> Medications { get; } = [];
    public HashSet<Condition> Conditions { get; } = [];
    public bool? UsedHomeDevice { get; set; }
    public DateOnly? PreferredStartDate { get; private set; }

    /// <summary>The start date as the date box sent it.</summary>
    public string? StartDateText { get; private set; }
    public string? Note { get; set; }

    public bool HasAcneScars => Concerns.Contains(Concern.AcneScars);

    public static string UnreadableAge { get; } = $"Enter your age in whole years, as a number from {IntakeValidator.MinimumAge} to {IntakeValidator.MaximumAge}, for example 34.";
    public const string UnreadableDate = "We could not read that date. Choose a day from the calendar, within the next year.";

    public void SetAge(string? text)
    {
        AgeText = text;
        Age = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var age) ? age : null;
    }

    /// <summary>The date box sends yyyy-MM-dd, or nothing while the date is incomplete.</summary>
    public void SetStartDate(string? text)
    {
        StartDateText = text;
        PreferredStartDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>
    /// The answers' problems: text typed in the age or date box that is not a number or a date
    /// (the validator sees only values, and would ask for an answer that was given), then the validator's.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        List<FieldError> unreadable = [];
        if (Age is null && !string.IsNullOrWhiteSpace(AgeText))
        {
            unreadable.Add(new("age", UnreadableAge));
        }

        if (PreferredStartDate is null && !string.IsNullOrWhiteSpace(StartDateText))
        {
            unreadable.Add(new("preferredStartDate", UnreadableDate));
        }

        return [.. unreadable, .. IntakeValidator.Validate(ToAnswers(), today).Where(e => unreadable.All(u => u.Field != e.Field))];
    }

    /// <summary>Which step asks for each field the validator can name.</summary>
    public static QuestionnaireStep StepOf(string field) => field switch
    {
        "concerns" => QuestionnaireStep.Concerns,
        "acneScarTypes" or "acneScarSeverity" => QuestionnaireStep.AcneScars,
        "age" or "fitzpatrickType" or "skinSensitivity" => QuestionnaireStep.AboutYou,
        "smoking" or "sunExposure" or "dailySunscreen" or "skincareRoutine" or "alcohol" or "sleepAndNutrition" => QuestionnaireStep.Lifestyle,
        "medications" or "conditions" or "usedHomeDevice" or "note" => QuestionnaireStep.Health,
        _ => QuestionnaireStep.Start,
    };

    /// <summary>The answers as the planner sees them (acne-scar answers only with acne scars).</summary>
    public IntakeAnswers ToAnswers() => ForPlanning(ToDraft());

    /// <summary>A saved draft's answers as the planner sees them: acne-scar answers kept for later are left out.</summary>
    public static IntakeAnswers ForPlanning(IntakeAnswers draft) =>
        draft.Concerns.Contains(Concern.AcneScars) ? draft : draft with { AcneScarTypes = [], AcneScarSeverity = null };

    /// <summary>Everything entered, for the saved draft.</summary>
    public IntakeAnswers ToDraft() => new()
    {
        Concerns = [.. Concerns.Order()],
        AcneScarTypes = [.. AcneScarTypes.Order()],
        AcneScarSeverity = AcneScarSeverity,
        Age = Age,
        FitzpatrickType = FitzpatrickType,
        SkinSensitivity = SkinSensitivity,
        Smoking = Smoking,
        SunExposure = SunExposure,
        DailySunscreen = DailySunscreen,
        SkincareRoutine = SkincareRoutine,
        Alcohol = Alcohol,
        SleepAndNutrition = SleepAndNutrition,
        Medications = [.. Medications.Order()],
        Conditions = [.. Conditions.Order()],
        UsedHomeDevice = UsedHomeDevice,
        PreferredStartDate = PreferredStartDate,
        // A keyboard cannot type control characters, and a saved draft cannot hold NUL: they are left out.
        Note = IntakeValidator.WithoutHiddenCharacters(Note ?? "").Trim() is { Length: > 0 } note ? note : null,
    };

    public static QuestionnaireForm From(IntakeAnswers a)
    {
        var form = new QuestionnaireForm
        {
            AcneScarSeverity = a.AcneScarSeverity,
            Age = a.Age,
            AgeText = a.Age?.ToString(CultureInfo.InvariantCulture),
            FitzpatrickType = a.FitzpatrickType,
            SkinSensitivity = a.SkinSensitivity,
            Smoking = a.Smoking,
            SunExposure = a.SunExposure,
            DailySunscreen = a.DailySunscreen,
            SkincareRoutine = a.SkincareRoutine,
            Alcohol = a.Alcohol,
            SleepAndNutrition = a.SleepAndNutrition,
            UsedHomeDevice = a.UsedHomeDevice,
            PreferredStartDate = a.PreferredStartDate,
            StartDateText = a.PreferredStartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Note = a.Note,
        };
        form.Concerns.UnionWith(a.Concerns);
        form.AcneScarTypes.UnionWith(a.AcneScarTypes);
        form.Medications.UnionWith(a.Medications);
        form.Conditions.UnionWith(a.Conditions);
        return form;
    }
}
