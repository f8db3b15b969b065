using System.Runtime.CompilerServices;

namespace MicroneedlingPlanner.Domain.Intake;

/// <summary>
/// Every answer a rule condition can test, described once. The preferred start date and the note
/// are not here: no rule reads them. AnswersTests checks that every other property of
/// <see cref="IntakeAnswers"/> is described and read from the right place.
/// </summary>
public static class Answers
{
    public static AnswerDescription Concerns { get; } = ManyOf("concerns", "Concerns", a => a.Concerns, c => c.Label());
    public static AnswerDescription AcneScarTypes { get; } = ManyOf<AcneScarType>("acneScarTypes", "Acne scar types", a => a.AcneScarTypes);
    public static AnswerDescription AcneScarSeverity { get; } = OneOf<ScarSeverity>("acneScarSeverity", "Acne scar severity", a => a.AcneScarSeverity);
    public static AnswerDescription Age { get; } = Number("age", "Age", a => a.Age, IntakeValidator.MinimumAge, IntakeValidator.MaximumAge);
    public static AnswerDescription FitzpatrickType { get; } = Number("fitzpatrickType", "Fitzpatrick skin type", a => a.FitzpatrickType, 1, 6);
    public static AnswerDescription SkinSensitivity { get; } = OneOf<SkinSensitivity>("skinSensitivity", "Skin sensitivity", a => a.SkinSensitivity);
    public static AnswerDescription Smoking { get; } = OneOf<Smoking>("smoking", "Smoking", a => a.Smoking);
    public static AnswerDescription SunExposure { get; } = OneOf<SunExposure>("sunExposure", "Sun exposure", a => a.SunExposure);
    public static AnswerDescription DailySunscreen { get; } = YesNo("dailySunscreen", "Daily sunscreen", a => a.DailySunscreen);
    public static AnswerDescription SkincareRoutine { get; } = OneOf<SkincareRoutine>("skincareRoutine", "Skincare routine", a => a.SkincareRoutine);
    public static AnswerDescription Alcohol { get; } = OneOf<Alcohol>("alcohol", "Alcohol", a => a.Alcohol);
    public static AnswerDescription SleepAndNutrition { get; } = OneOf<SleepAndNutrition>("sleepAndNutrition", "Sleep and nutrition", a => a.SleepAndNutrition);
    public static AnswerDescription Medications { get; } = ManyOf<Medication>("medications", "Medications", a => a.Medications);
    public static AnswerDescription Conditions { get; } = ManyOf<Condition>("conditions", "Health conditions", a => a.Conditions);
    public static AnswerDescription UsedHomeDevice { get; } = YesNo("usedHomeDevice", "Used a home device", a => a.UsedHomeDevice);

    /// <summary>In the questionnaire's order.</summary>
    public static IReadOnlyList<AnswerDescription> All { get; } =
    [
        Concerns, AcneScarTypes, AcneScarSeverity, Age, FitzpatrickType, SkinSensitivity, Smoking, SunExposure,
        DailySunscreen, SkincareRoutine, Alcohol, SleepAndNutrition, Medications, Conditions, UsedHomeDevice,
    ];

    private static readonly Dictionary<string, AnswerDescription> ByName = All.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>The answer with this exact name, or null.</summary>
    public static AnswerDescription? Find(string name) => ByName.GetValueOrDefault(name);

    private static AnswerDescription OneOf<T>(string name, string label, Func<IntakeAnswers, T?> read)
        where T : struct, Enum =>
        new(name, AnswerKind.OneOf, label, Names<T>(), Words.FromName, (a, i) => i == 0 && read(a) is { } v ? Position(v) : AnswerDescription.NoValue);

    private static AnswerDescription ManyOf<T>(string name, string label, Func<IntakeAnswers, IReadOnlyList<T>> read, Func<T, string>? words = null)
        where T : struct, Enum =>
        new(name, AnswerKind.ManyOf, label, Names<T>(),
            value => words is not null && Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) ? words(v) : Words.FromName(value),
            (a, i) => read(a) is var list && i < list.Count ? Position(list[i]) : AnswerDescription.NoValue);

    private static AnswerDescription Number(string name, string label, Func<IntakeAnswers, int?> read, int min, int max) =>
        new(name, AnswerKind.Number, label, [], value => value, (a, i) => i == 0 && read(a) is { } v ? v : AnswerDescription.NoValue, min, max);

    private static AnswerDescription YesNo(string name, string label, Func<IntakeAnswers, bool?> read) =>
        new(name, AnswerKind.YesNo, label, [], value => bool.TryParse(value, out var yes) ? (yes ? "Yes" : "No") : value,
            (a, i) => i == 0 && read(a) is { } yes ? (yes ? 1 : 0) : AnswerDescription.NoValue);

    // Enum values run 0, 1, 2…, so a value's number is its position in Values (AnswersTests checks this).
    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Order().Select(v => v.ToString())];

    private static int Position<T>(T value)
        where T : struct, Enum => Unsafe.As<T, int>(ref value);
}
