using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using static MicroneedlingPlanner.Domain.Tests.Profiles;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

/// <summary>
/// Patient profiles with the plan properties the sources imply. Sessions and maintenance months
/// follow from the default rules: e.g. acne scars start at 4 sessions, +1 for icepick or boxcar,
/// +1 moderate, +2 severe, -1 mild, within 3 to 6.
/// </summary>
public sealed class PlannerProfileTests
{
    public sealed record Expected(
        IntakeAnswers Answers,
        int Sessions,
        (int Min, int Max) MaintenanceMonths,
        PlanStatus Status = PlanStatus.Ready,
        string[]? Adjuncts = null,
        string[]? Flags = null,
        string[]? AdviceFrom = null,
        int IntervalWeeks = 4);

    private static readonly Dictionary<string, Expected> Cases = new()
    {
        ["texture, low risk"] = new(Baseline(), 3, (6, 12), Flags: [], Adjuncts: [], AdviceFrom: []),
        ["mild rolling scars: low end, subcision"] = new(AcneScars(ScarSeverity.Mild, AcneScarType.Rolling), 3, (6, 12), Adjuncts: ["Subcision", "Chemical peel"]),
        ["mild boxcar scars"] = new(AcneScars(ScarSeverity.Mild, AcneScarType.Boxcar), 4, (6, 12), Adjuncts: ["Chemical peel"]),
        ["moderate rolling scars"] = new(AcneScars(ScarSeverity.Moderate, AcneScarType.Rolling), 5, (6, 12), Adjuncts: ["Subcision"]),
        ["moderate boxcar scars"] = new(AcneScars(ScarSeverity.Moderate, AcneScarType.Boxcar), 6, (6, 12), Adjuncts: []),
        ["severe icepick scars: top of range, laser, expectation"] = new(AcneScars(ScarSeverity.Severe, AcneScarType.Icepick), 6, (6, 12),
            Adjuncts: ["Ablative laser resurfacing (to discuss)"], AdviceFrom: ["scar-severe"]),
        ["daily smoker: further apart"] = new(Baseline() with { Smoking = Smoking.Daily }, 3, (6, 9), AdviceFrom: ["smoking"], IntervalWeeks: 5),
        ["lots of sun, no sunscreen"] = new(Baseline() with { SunExposure = SunExposure.High, DailySunscreen = false }, 3, (6, 9), AdviceFrom: ["sun-unprotected"]),
        ["lots of sun, with sunscreen"] = new(Baseline() with { SunExposure = SunExposure.High }, 3, (6, 12), AdviceFrom: []),
        ["aged 60: one more session"] = new(Baseline() with { Age = 60 }, 4, (6, 9)),
        ["heavy drinker, poor sleep, smoker, 58: longest interval"] = new(Baseline() with { Alcohol = Alcohol.Heavy, SleepAndNutrition = SleepAndNutrition.Poor, Smoking = Smoking.Daily, Age = 58 }, 4, (6, 9),
            AdviceFrom: ["smoking", "alcohol-heavy", "sleep-nutrition-poor"], IntervalWeeks: 6),
        ["hair loss: PRP, shorter upkeep"] = new(Baseline(Concern.HairLoss), 4, (3, 6), Adjuncts: ["PRP (platelet-rich plasma)", "Minoxidil"], Flags: ["outside-authorised-use"]),
        ["hyperpigmentation: sun protection"] = new(Baseline(Concern.Hyperpigmentation), 3, (6, 12), Adjuncts: ["Chemical peel"], Flags: ["outside-authorised-use"], AdviceFrom: ["hyperpigmentation-sun"]),
        ["pregnant"] = new(Baseline() with { Conditions = [Condition.Pregnancy] }, 3, (6, 12), PlanStatus.NeedsClinicianReview, Flags: ["pregnancy"]),
        ["blood thinners"] = new(Baseline() with { Medications = [Medication.BloodThinners] }, 3, (6, 12), PlanStatus.NeedsClinicianReview, Flags: ["blood-thinners"]),
        ["isotretinoin"] = new(Baseline() with { Medications = [Medication.Isotretinoin] }, 3, (6, 12), PlanStatus.NeedsClinicianReview, Flags: ["isotretinoin"]),
        ["skin cancer and keloids"] = new(Baseline() with { Conditions = [Condition.SkinCancer, Condition.KeloidTendency] }, 3, (6, 12), PlanStatus.NeedsClinicianReview, Flags: ["skin-cancer", "keloid"]),
        ["aged 19"] = new(Baseline() with { Age = 19 }, 3, (6, 12), Flags: ["age-under-22"]),
        ["Fitzpatrick V"] = new(Baseline() with { FitzpatrickType = 5 }, 3, (6, 12), Flags: ["darker-skin"]),
        ["home device user"] = new(Baseline() with { UsedHomeDevice = true }, 3, (6, 12), AdviceFrom: ["home-device"]),
        ["topical retinoids"] = new(Baseline() with { Medications = [Medication.TopicalRetinoids] }, 3, (6, 12), Flags: ["retinoids"], AdviceFrom: ["topical-retinoids"]),
        ["cold sore history"] = new(Baseline() with { Conditions = [Condition.ColdSoreHistory] }, 3, (6, 12), Flags: ["cold-sores"]),
        ["severe icepick scars and hair loss combined"] = new(AcneScars(ScarSeverity.Severe, AcneScarType.Icepick) with { Concerns = [Concern.AcneScars, Concern.HairLoss] }, 6, (3, 6),
            Adjuncts: ["Ablative laser resurfacing (to discuss)", "PRP (platelet-rich plasma)", "Minoxidil"], AdviceFrom: ["scar-severe"]),
        ["wrinkles and stretch marks combined"] = new(Baseline(Concern.FineLinesWrinkles, Concern.StretchMarks), 3, (6, 12), Flags: ["outside-authorised-use"]),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    private static readonly RuleSet Rules = DefaultRules.Create();

    [Theory]
    [MemberData(nameof(Names))]
    public void Profile_gets_the_plan_its_answers_call_for(string name)
    {
        var expected = Cases[name];
        Assert.Empty(IntakeValidator.Validate(expected.Answers, Today));
        var start = expected.Answers.PreferredStartDate!.Value;

        var plan = Planner.Create(expected.Answers, Rules, start);

        Assert.Equal(expected.Sessions, plan.InitialSeries.Sessions);
        Assert.Equal(expected.IntervalWeeks, plan.InitialSeries.IntervalWeeks);
        Assert.Equal(expected.MaintenanceMonths, (plan.Maintenance.IntervalMonthsMin, plan.Maintenance.IntervalMonthsMax));
        Assert.Equal(expected.Status, plan.Status);
        Assert.Equal(start, plan.InitialSeries.SessionDates[0]);
        Assert.Equal(expected.Sessions, plan.InitialSeries.SessionDates.Count);
        Assert.Equal(expected.Status == PlanStatus.NeedsClinicianReview, plan.ReviewReasons.Count > 0);
        if (expected.Adjuncts is { } adjuncts)
        {
            Assert.Equal(adjuncts.Order(), plan.Adjuncts.Select(a => a.Treatment).Order());
        }

        if (expected.Flags is { } flags)
        {
            Assert.Equal(flags.Order(), plan.Flags.Select(f => f.Code).Order());
        }

        // Exactly this advice: a tip missing or one too many both fail.
        Assert.Equal((expected.AdviceFrom ?? []).Order(), plan.Advice.Select(a => a.RuleId).Order());
    }

    [Fact]
    public void Deeper_and_more_severe_scars_never_get_fewer_sessions()
    {
        int Sessions(ScarSeverity s, AcneScarType t) => Planner.Create(AcneScars(s, t), Rules, Today).InitialSeries.Sessions;

        foreach (var type in Enum.GetValues<AcneScarType>())
        {
            Assert.True(Sessions(ScarSeverity.Mild, type) <= Sessions(ScarSeverity.Moderate, type));
            Assert.True(Sessions(ScarSeverity.Moderate, type) <= Sessions(ScarSeverity.Severe, type));
        }

        foreach (var severity in Enum.GetValues<ScarSeverity>())
        {
            Assert.True(Sessions(severity, AcneScarType.Rolling) <= Sessions(severity, AcneScarType.Boxcar));
            Assert.True(Sessions(severity, AcneScarType.Rolling) <= Sessions(severity, AcneScarType.Icepick));
        }
    }

    [Fact]
    public void Each_factor_that_shortens_results_moves_maintenance_earlier_and_says_why()
    {
        var factors = new[]
        {
            Baseline() with { Smoking = Smoking.Occasional },
            Baseline() with { SunExposure = SunExposure.High, DailySunscreen = false },
            Baseline() with { Alcohol = Alcohol.Heavy },
            Baseline() with { SleepAndNutrition = SleepAndNutrition.Poor },
            Baseline() with { Age = 70 },
        };
        var baseline = Planner.Create(Baseline(), Rules, Today).Maintenance;

        foreach (var answers in factors)
        {
            var plan = Planner.Create(answers, Rules, Today);
            Assert.True(plan.Maintenance.IntervalMonthsMax < baseline.IntervalMonthsMax);
            var adjustment = Assert.Single(plan.Adjustments, a => a.Change.StartsWith("Maintenance", StringComparison.Ordinal));
            Assert.Contains("fade sooner", adjustment.Reason, StringComparison.Ordinal);
            Assert.NotEmpty(adjustment.Citations);
        }
    }

    [Fact]
    public void Each_factor_that_slows_healing_spaces_sessions_further_apart_within_the_range()
    {
        var baseline = Planner.Create(Baseline(), Rules, Today).InitialSeries;
        var factors = new[]
        {
            Baseline() with { Smoking = Smoking.Occasional },
            Baseline() with { Alcohol = Alcohol.Heavy },
            Baseline() with { SleepAndNutrition = SleepAndNutrition.Poor },
        };

        foreach (var answers in factors)
        {
            var series = Planner.Create(answers, Rules, Today).InitialSeries;
            Assert.Equal(baseline.IntervalWeeks + 1, series.IntervalWeeks);
            Assert.Equal(TimeSpan.FromDays(7 * series.IntervalWeeks), series.SessionDates[1].ToDateTime(TimeOnly.MinValue) - series.SessionDates[0].ToDateTime(TimeOnly.MinValue));
        }

        var all = Planner.Create(Baseline() with { Smoking = Smoking.Daily, Alcohol = Alcohol.Heavy, SleepAndNutrition = SleepAndNutrition.Poor }, Rules, Today);
        Assert.Equal(all.InitialSeries.IntervalWeeksMax, all.InitialSeries.IntervalWeeks);
        Assert.Contains(all.Adjustments, a => a.Change == $"Time between sessions stays at {all.InitialSeries.IntervalWeeksMax} weeks, the longest in the range.");
    }

    [Fact]
    public void Older_skin_gets_one_more_session_within_the_range()
    {
        var younger = Planner.Create(Baseline() with { Age = 49 }, Rules, Today).InitialSeries;
        var older = Planner.Create(Baseline() with { Age = 50 }, Rules, Today).InitialSeries;
        var severeScarsOlder = Planner.Create(AcneScars(ScarSeverity.Severe, AcneScarType.Icepick) with { Age = 65 }, Rules, Today).InitialSeries;

        Assert.Equal(younger.Sessions + 1, older.Sessions);
        Assert.Equal(severeScarsOlder.SessionsMax, severeScarsOlder.Sessions);
    }

    [Fact]
    public void A_referred_plan_says_why_in_plain_words()
    {
        var plan = Planner.Create(Baseline() with { Conditions = [Condition.Pregnancy, Condition.ActiveInfection] }, Rules, Today);

        Assert.Equal(PlanStatus.NeedsClinicianReview, plan.Status);
        Assert.Equal(2, plan.ReviewReasons.Count);
        Assert.All(plan.ReviewReasons, r => Assert.Contains("clinician", r, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_answers_give_the_same_plan()
    {
        var answers = AcneScars(ScarSeverity.Moderate, AcneScarType.Rolling, AcneScarType.Boxcar) with { Smoking = Smoking.Daily };
        var json = System.Text.Json.JsonSerializer.Serialize(Planner.Create(answers, Rules, Today));

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(Planner.Create(answers, Rules, Today)));
    }

    [Fact]
    public void The_primary_concern_is_the_one_that_asks_for_the_most_sessions()
    {
        var scarsAndTexture = AcneScars(ScarSeverity.Moderate, AcneScarType.Boxcar) with { Concerns = [Concern.Texture, Concern.AcneScars] };

        Assert.Equal(Concern.AcneScars, Planner.Create(scarsAndTexture, Rules, Today).PrimaryConcern);
        Assert.Equal(Concern.Texture, Planner.Create(Baseline(Concern.Texture), Rules, Today).PrimaryConcern);
    }
}
