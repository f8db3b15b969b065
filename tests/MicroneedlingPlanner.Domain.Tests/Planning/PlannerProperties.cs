using FsCheck;
using FsCheck.Fluent;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

/// <summary>Properties over 10,000 random answer sets each (FsCheck; FsCheck.Xunit is not available here).</summary>
public sealed class PlannerProperties
{
    private static readonly Config TenThousand = Config.QuickThrowOnFailure.WithMaxTest(10_000);
    private static readonly RuleSet Rules = DefaultRules.Create();
    private static readonly DateOnly Today = Profiles.Today;

    private static Gen<T[]> SomeOf<T>(params T[] values) => Gen.SubListOf(values).Select(l => l.ToArray());

    private static Gen<T> OneOf<T>() where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    public static readonly Gen<IntakeAnswers> ValidAnswers =
        from concerns in SomeOf(Enum.GetValues<Concern>()).Where(c => c.Length > 0)
        from scarTypes in SomeOf(Enum.GetValues<AcneScarType>()).Where(t => t.Length > 0)
        from severity in OneOf<ScarSeverity>()
        from age in Gen.Choose(IntakeValidator.MinimumAge, IntakeValidator.MaximumAge)
        from fitzpatrick in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 6).Select(f => (int?)f))
        from sensitivity in OneOf<SkinSensitivity>()
        from smoking in OneOf<Smoking>()
        from sun in OneOf<SunExposure>()
        from sunscreen in Gen.Elements(true, false)
        from routine in OneOf<SkincareRoutine>()
        from alcohol in OneOf<Alcohol>()
        from sleep in OneOf<SleepAndNutrition>()
        from medications in SomeOf(Enum.GetValues<Medication>())
        from conditions in SomeOf(Enum.GetValues<Condition>())
        from homeDevice in Gen.Elements(true, false)
        from startOffset in Gen.Choose(0, IntakeValidator.LatestStartInDays)
        let acne = concerns.Contains(Concern.AcneScars)
        select new IntakeAnswers
        {
            Concerns = concerns,
            AcneScarTypes = acne ? scarTypes : [],
            AcneScarSeverity = acne ? severity : null,
            Age = age,
            FitzpatrickType = fitzpatrick,
            SkinSensitivity = sensitivity,
            Smoking = smoking,
            SunExposure = sun,
            DailySunscreen = sunscreen,
            SkincareRoutine = routine,
            Alcohol = alcohol,
            SleepAndNutrition = sleep,
            Medications = medications,
            Conditions = conditions,
            UsedHomeDevice = homeDevice,
            PreferredStartDate = Today.AddDays(startOffset),
        };

    /// <summary>A valid answer set with one thing broken, and the field that must be reported.</summary>
    private static readonly Gen<(IntakeAnswers Answers, string Field)> InvalidAnswers =
        from answers in ValidAnswers
        from breakage in Gen.Choose(0, 9)
        from number in Gen.Choose(-1000, 1000)
        select breakage switch
        {
            0 => (answers with { Concerns = [] }, "concerns"),
            1 => (answers with { Age = number is >= 18 and <= 100 ? number + 200 : number }, "age"),
            2 => (answers with { Age = null }, "age"),
            3 => (answers with { FitzpatrickType = number is >= 1 and <= 6 ? 0 : number }, "fitzpatrickType"),
            4 => (answers with { Smoking = (Smoking)(10 + Math.Abs(number)) }, "smoking"),
            5 => (answers with { Conditions = [.. answers.Conditions, (Condition)(50 + Math.Abs(number))] }, "conditions"),
            6 => (answers with { PreferredStartDate = Today.AddDays(-1 - Math.Abs(number)) }, "preferredStartDate"),
            7 => (answers with { PreferredStartDate = Today.AddDays(366 + Math.Abs(number)) }, "preferredStartDate"),
            8 => answers.Concerns.Contains(Concern.AcneScars)
                ? (answers with { AcneScarTypes = [] }, "acneScarTypes")
                : (answers with { AcneScarSeverity = ScarSeverity.Mild }, "acneScarSeverity"),
            _ => (answers with { SleepAndNutrition = null, DailySunscreen = null }, "sleepAndNutrition"),
        };

    [Fact]
    public void Random_valid_answers_always_validate_and_plan_within_the_rules()
    {
        Prop.ForAll(ValidAnswers.ToArbitrary(), answers =>
        {
            Assert.Empty(IntakeValidator.Validate(answers, Today));
            var start = answers.PreferredStartDate!.Value;
            var plan = Planner.Create(answers, Rules, start);
            var chosen = Rules.Concerns.Where(c => answers.Concerns.Contains(c.Concern)).ToList();

            var series = plan.InitialSeries;
            Assert.InRange(series.Sessions, series.SessionsMin, series.SessionsMax);
            Assert.InRange(series.SessionsMin, chosen.Min(c => c.Sessions.Min), chosen.Max(c => c.Sessions.Max));
            Assert.InRange(series.SessionsMax, chosen.Min(c => c.Sessions.Min), chosen.Max(c => c.Sessions.Max));
            Assert.InRange(series.IntervalWeeks, series.IntervalWeeksMin, series.IntervalWeeksMax);
            Assert.Equal(start, series.SessionDates[0]);
            for (var i = 1; i < series.SessionDates.Count; i++)
            {
                var gapDays = series.SessionDates[i].DayNumber - series.SessionDates[i - 1].DayNumber;
                Assert.InRange(gapDays, series.IntervalWeeksMin * 7, series.IntervalWeeksMax * 7);
            }

            var maintenance = plan.Maintenance;
            Assert.InRange(maintenance.IntervalMonthsMin, maintenance.RangeMonthsMin, maintenance.RangeMonthsMax);
            Assert.InRange(maintenance.IntervalMonthsMax, maintenance.IntervalMonthsMin, maintenance.RangeMonthsMax);
            AssertMaintenanceWindowsKeepTheRules(maintenance, series.SessionDates[^1]);

            Assert.Equal(plan.Flags.Any(f => f.Severity == FlagSeverity.Refer), plan.Status == PlanStatus.NeedsClinicianReview);
            AssertEveryNumberIsCited(plan);
        }).Check(TenThousand);
    }

    [Fact]
    public void Random_invalid_answers_always_get_field_errors_and_never_throw()
    {
        Prop.ForAll(InvalidAnswers.ToArbitrary(), broken =>
        {
            var errors = IntakeValidator.Validate(broken.Answers, Today);

            Assert.Contains(errors, e => e.Field == broken.Field && e.Message.Length > 10);
        }).Check(TenThousand);
    }

    /// <summary>
    /// Properties of the windows, not their dates re-computed: the k-th top-up falls k intervals
    /// after the last session, each interval the patient's (inside the rules' range); windows come
    /// in order without overlapping; they open within the three years and leave no room for another.
    /// </summary>
    private static void AssertMaintenanceWindowsKeepTheRules(MaintenancePlan maintenance, DateOnly lastSession)
    {
        var windows = maintenance.Windows;
        var horizon = lastSession.AddMonths(Planner.MaintenanceHorizonMonths);
        Assert.NotEmpty(windows);
        for (var k = 1; k <= windows.Count; k++)
        {
            var window = windows[k - 1];
            Assert.InRange(window.Start, lastSession.AddMonths(k * maintenance.IntervalMonthsMin), lastSession.AddMonths(k * maintenance.IntervalMonthsMax));
            Assert.InRange(window.End, window.Start, lastSession.AddMonths(k * maintenance.IntervalMonthsMax));
            Assert.True(window.Start <= horizon, $"window {k} opens on {window.Start}, after the {Planner.MaintenanceHorizonMonths} months that end on {horizon}");
            if (k > 1)
            {
                Assert.True(windows[k - 2].End <= window.Start, $"window {k - 1} ({windows[k - 2]}) overlaps window {k} ({window})");
            }
        }

        Assert.True(windows[^1].Start > lastSession.AddMonths(Planner.MaintenanceHorizonMonths - maintenance.IntervalMonthsMin),
            $"the last window opens on {windows[^1].Start}, leaving room for another before {horizon}");
    }

    private static void AssertEveryNumberIsCited(TreatmentPlan plan)
    {
        var resolved = plan.Citations.Select(c => c.Id).ToHashSet();
        void Cited(IReadOnlyList<string> ids)
        {
            Assert.NotEmpty(ids);
            Assert.All(ids, id => Assert.Contains(id, resolved));
        }

        Cited(plan.InitialSeries.Citations);
        Cited(plan.Maintenance.Citations);
        foreach (var milestone in plan.Milestones)
        {
            Cited(milestone.Citations);
        }

        foreach (var item in plan.Adjustments.Select(a => a.Citations)
                     .Concat(plan.Flags.Select(f => f.Citations))
                     .Concat(plan.Adjuncts.Select(a => a.Citations))
                     .Concat(plan.Aftercare.Select(a => a.Citations))
                     .Concat(plan.Advice.Select(a => a.Citations)))
        {
            Cited(item);
        }

        // The plan names exactly the sources its citations point to, each once.
        Assert.Equal(plan.Citations.Select(c => c.Source).Distinct().Order(), plan.Sources.Select(s => s.Id).Order());
        Assert.Equal(plan.Sources.Count, plan.Sources.DistinctBy(s => s.Id).Count());

        // Each citation is a seed line or a listed publication; DefaultRulesTests checks both against the files.
        Assert.All(plan.Citations, c => Assert.True(c.Line is > 0 || c.Grade != EvidenceGrade.ConsumerArticle));
    }
}
