namespace MicroneedlingPlanner.Domain.Intake;

/// <summary>A problem with one answer, named by the answer's field (camelCase, as in the API).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Checks answers and reports every problem at once, each tied to its field, in plain words.
/// <paramref name="today"/> comes in from the caller: the domain has no clock.
/// </summary>
public static class IntakeValidator
{
    public const int MinimumAge = 18;
    public const int MaximumAge = 100;
    public const int MaximumNoteLength = 2000;
    public const int LatestStartInDays = 365;

    /// <summary>The last start date allowed: the questionnaire's date picker offers no later day.</summary>
    public static DateOnly LatestStart(DateOnly today) => today.AddDays(LatestStartInDays);

    public static IReadOnlyList<FieldError> Validate(IntakeAnswers answers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<FieldError>();

        if (answers.Concerns is null || answers.Concerns.Count == 0)
        {
            errors.Add(new("concerns", "Choose at least one thing you would like to improve."));
        }

        var scarTypes = answers.AcneScarTypes ?? [];
        var wantsScars = answers.Concerns?.Contains(Concern.AcneScars) == true;
        if (wantsScars)
        {
            if (scarTypes.Count == 0)
            {
                errors.Add(new("acneScarTypes", "Choose the type of acne scars you have: icepick, boxcar or rolling. Choose all that apply."));
            }

            if (answers.AcneScarSeverity is null)
            {
                errors.Add(new("acneScarSeverity", "Tell us how noticeable your acne scars are: mild, moderate or severe."));
            }
        }
        else
        {
            if (scarTypes.Count > 0)
            {
                errors.Add(new("acneScarTypes", "Scar types only apply when acne scars are one of your concerns. Add acne scars, or clear the scar types."));
            }

            if (answers.AcneScarSeverity is not null)
            {
                errors.Add(new("acneScarSeverity", "Scar severity only applies when acne scars are one of your concerns. Add acne scars, or clear the severity."));
            }
        }

        switch (answers.Age)
        {
            case null:
                errors.Add(new("age", "Enter your age in years."));
                break;
            case < MinimumAge:
                errors.Add(new("age", $"This planner is for adults: you need to be at least {MinimumAge}."));
                break;
            case > MaximumAge:
                errors.Add(new("age", $"Enter an age from {MinimumAge} to {MaximumAge}."));
                break;
        }

        if (answers.FitzpatrickType is { } fitzpatrick and (< 1 or > 6))
        {
            errors.Add(new("fitzpatrickType", "Skin type is a number from 1 (always burns, never tans) to 6 (never burns). Leave it empty if you are not sure."));
        }

        Required(answers.SkinSensitivity, "skinSensitivity", "Tell us how sensitive your skin is.", errors);
        Required(answers.Smoking, "smoking", "Tell us whether you smoke.", errors);
        Required(answers.SunExposure, "sunExposure", "Tell us how much time you spend in the sun.", errors);
        Required(answers.SkincareRoutine, "skincareRoutine", "Tell us about your skincare routine.", errors);
        Required(answers.Alcohol, "alcohol", "Tell us how much alcohol you drink.", errors);
        Required(answers.SleepAndNutrition, "sleepAndNutrition", "Tell us how well you sleep and eat.", errors);
        if (answers.DailySunscreen is null)
        {
            errors.Add(new("dailySunscreen", "Tell us whether you wear sunscreen every day."));
        }

        if (answers.UsedHomeDevice is null)
        {
            errors.Add(new("usedHomeDevice", "Tell us whether you have used a microneedling device at home."));
        }

        foreach (var answer in Answers.All.Where(a => a.Kind is AnswerKind.OneOf or AnswerKind.ManyOf))
        {
            CheckKnown(answer, answers, errors);
        }

        switch (answers.PreferredStartDate)
        {
            case null:
                errors.Add(new("preferredStartDate", "Choose the date you would like to start."));
                break;
            case { } start when start < today:
                errors.Add(new("preferredStartDate", "The start date is in the past. Choose today or a later date."));
                break;
            case { } start when start > LatestStart(today):
                errors.Add(new("preferredStartDate", "Choose a start date within the next year."));
                break;
        }

        if (answers.Note is { Length: > MaximumNoteLength })
        {
            errors.Add(new("note", $"Keep the note under {MaximumNoteLength} characters; the clinic can ask you for more."));
        }
        else if (answers.Note is { } note && HasHiddenCharacters(note))
        {
            errors.Add(new("note", "The note holds hidden characters (such as NUL, or half of an emoji), which a person cannot read. Remove them, or retype the note."));
        }

        return errors;
    }

    /// <summary>
    /// Free text is plain text for a person: line breaks and tabs, but no other control characters,
    /// and no half of a surrogate pair (which no keyboard types and PostgreSQL cannot store).
    /// </summary>
    public static bool HasHiddenCharacters(string text) => FirstHidden(text, 0) >= 0;

    /// <summary>The text without the characters <see cref="HasHiddenCharacters"/> finds.</summary>
    public static string WithoutHiddenCharacters(string text)
    {
        var hidden = FirstHidden(text, 0);
        if (hidden < 0)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        var from = 0;
        for (; hidden >= 0; hidden = FirstHidden(text, from))
        {
            kept.Append(text, from, hidden - from);
            from = hidden + 1;
        }

        return kept.Append(text, from, text.Length - from).ToString();
    }

    private static int FirstHidden(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Required<T>(T? value, string field, string missing, List<FieldError> errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            errors.Add(new(field, missing));
        }
    }

    /// <summary>A value outside the answer's choices, which only a hand-made request can send.</summary>
    private static void CheckKnown(AnswerDescription answer, IntakeAnswers answers, List<FieldError> errors)
    {
        for (var i = 0; answer.ValueIn(answers, i) is var value && value != AnswerDescription.NoValue; i++)
        {
            if ((uint)value >= (uint)answer.Values.Count)
            {
                var choices = string.Join(", ", answer.Values.Select(answer.ValueLabel));
                errors.Add(new(answer.Name, answer.Kind == AnswerKind.OneOf
                    ? $"That is not one of the choices. Choose one of: {choices}."
                    : $"Please check your answer: one of the choices is not one we know. Choose from: {choices}."));
                return;
            }
        }
    }
}
