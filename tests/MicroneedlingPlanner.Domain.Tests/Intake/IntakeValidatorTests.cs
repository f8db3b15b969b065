using MicroneedlingPlanner.Domain.Intake;

namespace MicroneedlingPlanner.Domain.Tests.Intake;

public sealed class IntakeValidatorTests
{
    private static IReadOnlyList<FieldError> Validate(IntakeAnswers answers) => IntakeValidator.Validate(answers, Profiles.Today);

    [Fact]
    public void The_baseline_is_valid()
    {
        Assert.Empty(Validate(Profiles.Baseline()));
        Assert.Empty(Validate(Profiles.AcneScars(ScarSeverity.Moderate, AcneScarType.Boxcar)));
    }

    [Fact]
    public void A_list_set_to_null_reads_as_empty_and_plans_like_one()
    {
        // As a JSON reader would set them: null in spite of the annotations.
        var answers = Profiles.Baseline() with { Medications = null!, Conditions = null!, AcneScarTypes = null! };

        Assert.Empty(answers.Medications);
        Assert.Empty(answers.Conditions);
        Assert.Empty(answers.AcneScarTypes);
        Assert.Empty(Validate(answers));
        Assert.NotNull(MicroneedlingPlanner.Domain.Planning.Planner.Create(answers, MicroneedlingPlanner.Domain.Rules.DefaultRules.Create(), Profiles.Today));
    }

    [Theory]
    [InlineData(12, "at least 18")]
    [InlineData(17, "at least 18")]
    [InlineData(101, "from 18 to 100")]
    public void Ages_outside_18_to_100_are_refused(int age, string expected)
    {
        var error = Assert.Single(Validate(Profiles.Baseline() with { Age = age }));

        Assert.Equal("age", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(18)]
    [InlineData(100)]
    public void The_age_limits_themselves_are_allowed(int age) => Assert.Empty(Validate(Profiles.Baseline() with { Age = age }));

    [Fact]
    public void Acne_scars_need_a_type_and_a_severity()
    {
        var errors = Validate(Profiles.Baseline(Concern.AcneScars));

        Assert.Equal(["acneScarTypes", "acneScarSeverity"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Scar_details_without_acne_scars_are_refused()
    {
        var errors = Validate(Profiles.Baseline(Concern.Texture) with { AcneScarTypes = [AcneScarType.Rolling], AcneScarSeverity = ScarSeverity.Mild });

        Assert.Equal(["acneScarTypes", "acneScarSeverity"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_on_its_field()
    {
        var errors = Validate(new IntakeAnswers());

        Assert.Equal(
            ["concerns", "age", "skinSensitivity", "smoking", "sunExposure", "skincareRoutine", "alcohol", "sleepAndNutrition", "dailySunscreen", "usedHomeDevice", "preferredStartDate"],
            errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData(-1, "in the past")]
    [InlineData(366, "within the next year")]
    public void The_start_date_is_today_or_within_a_year(int daysFromToday, string expected)
    {
        var error = Assert.Single(Validate(Profiles.Baseline() with { PreferredStartDate = Profiles.Today.AddDays(daysFromToday) }));

        Assert.Equal("preferredStartDate", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    public void Today_and_a_year_ahead_are_allowed(int daysFromToday) =>
        Assert.Empty(Validate(Profiles.Baseline() with { PreferredStartDate = Profiles.Today.AddDays(daysFromToday) }));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Fitzpatrick_type_is_1_to_6_when_given(int type) =>
        Assert.Equal("fitzpatrickType", Assert.Single(Validate(Profiles.Baseline() with { FitzpatrickType = type })).Field);

    [Fact]
    public void Unknown_choices_are_named_not_thrown()
    {
        var errors = Validate(Profiles.Baseline() with { Smoking = (Smoking)42, Conditions = [(Condition)99] });

        Assert.Equal(["smoking", "conditions"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("nul\u0000inside")]
    [InlineData("bell\u0007")]
    [InlineData("\u001B[31mred")]
    [InlineData("c1\u0085control")]
    public void A_note_with_control_characters_is_refused_on_the_note(string note)
    {
        var error = Assert.Single(Validate(Profiles.Baseline() with { Note = note }));

        Assert.Equal("note", error.Field);
        Assert.Contains("hidden characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two\r\nlines\tand a tab")]
    [InlineData("\u202Eright to left, zero\u200Bwidth\uFEFF, Zoë")]
    public void A_note_with_line_breaks_tabs_and_other_unicode_is_allowed(string note) =>
        Assert.Empty(Validate(Profiles.Baseline() with { Note = note }));

    [Fact]
    public void Control_characters_are_removed_and_line_breaks_kept() =>
        Assert.Equal("a\r\nb\tc", IntakeValidator.WithoutHiddenCharacters("\u0000a\r\nb\u0007\tc\u001B"));

    [Fact]
    public void Half_of_a_surrogate_pair_is_hidden_and_removed_and_a_whole_emoji_is_kept()
    {
        Assert.True(IntakeValidator.HasHiddenCharacters("lone \uD800 high"));
        Assert.True(IntakeValidator.HasHiddenCharacters("\uDC00 lone low"));
        Assert.True(IntakeValidator.HasHiddenCharacters("ends in half \uD83D"));
        Assert.False(IntakeValidator.HasHiddenCharacters("👩🏽‍⚕️ Zoë"));
        Assert.Equal("lone  high 😀", IntakeValidator.WithoutHiddenCharacters("lone \uD800 high \uDC00😀"));
    }
}

