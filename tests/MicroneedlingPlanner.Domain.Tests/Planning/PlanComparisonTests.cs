using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

public sealed class PlanComparisonTests
{
    private static readonly RuleSet Rules = DefaultRules.Create();

    private static RuleSet OneMoreAcneSession(RuleSet rules) => rules with
    {
        Concerns = [.. rules.Concerns.Select(c => c.Concern == Concern.AcneScars
            ? c with { Sessions = c.Sessions with { Default = c.Sessions.Default + 1, Max = c.Sessions.Max + 1 } }
            : c)],
    };

    private static PlanDifference Compare(IntakeAnswers answers, RuleSet after) =>
        PlanComparison.Compare(Planner.Create(answers, Rules, Profiles.Today), Planner.Create(answers, after, Profiles.Today));

    [Fact]
    public void The_same_answers_under_the_same_rules_are_the_same_plan()
    {
        var difference = Compare(Profiles.AcneScars(ScarSeverity.Moderate, AcneScarType.Boxcar), Rules with { Version = "other" });

        Assert.True(difference.IsSame);
        Assert.Empty(difference.Describe());
    }

    [Fact]
    public void A_session_more_shows_as_a_session_more_and_moves_the_maintenance_windows()
    {
        var answers = Profiles.AcneScars(ScarSeverity.Mild, AcneScarType.Rolling);

        var difference = Compare(answers, OneMoreAcneSession(Rules));

        Assert.Equal(difference.SessionsBefore + 1, difference.SessionsAfter);
        Assert.False(difference.IntervalChanged);
        Assert.True(difference.MaintenanceChanged);
        Assert.False(difference.StatusChanged);
        Assert.Equal($"Sessions: {difference.SessionsBefore} → {difference.SessionsAfter}", difference.Describe()[0]);
        Assert.StartsWith("First maintenance window: ", difference.Describe()[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_screening_rule_removed_is_a_clinician_no_longer_needed_and_a_flag_no_longer_raised()
    {
        var answers = Profiles.Baseline() with { Conditions = [Condition.Pregnancy] };

        var difference = Compare(answers, Rules with { Screening = [.. Rules.Screening.Where(s => s.Code != "pregnancy")] });

        Assert.Equal(PlanStatus.NeedsClinicianReview, difference.StatusBefore);
        Assert.Equal(PlanStatus.Ready, difference.StatusAfter);
        Assert.Equal(["pregnancy"], difference.FlagsRemoved);
        Assert.Empty(difference.FlagsAdded);
        Assert.Contains("Would no longer need a clinician before dates are settled", difference.Describe());
    }

    [Fact]
    public void The_summary_counts_plans_by_what_would_change_in_words()
    {
        var summary = new ImpactSummary();
        var more = OneMoreAcneSession(Rules);
        for (var i = 0; i < 3; i++)
        {
            summary.Add(Compare(Profiles.AcneScars(ScarSeverity.Mild, AcneScarType.Rolling), more));
        }

        summary.Add(Compare(Profiles.Baseline(), more));
        summary.Add(Compare(Profiles.Baseline() with { Conditions = [Condition.Pregnancy] }, more with { Screening = [] }));

        Assert.Equal(5, summary.Total);
        Assert.Equal(4, summary.Changed);
        Assert.Equal(3, summary.SessionSteps[1]);
        Assert.Equal(
            [
                "4 of 5 plans would change; 1 would stay as they are.",
                "1 of 5 plans would no longer need a clinician first.",
                "3 of 5 plans would get one more session.",
                "3 of 5 plans would have maintenance due at a different time.",
                "1 of 5 plans would gain or lose a point for the clinician to check.",
            ],
            summary.Describe());
    }

    [Fact]
    public void No_plans_and_no_changes_are_said_plainly()
    {
        var summary = new ImpactSummary();
        Assert.Equal(["There are no plans to compare."], summary.Describe());

        summary.Add(Compare(Profiles.Baseline(), Rules));
        Assert.Equal(["None of 1 plan would change."], summary.Describe());
    }

    [Fact]
    public void Every_reference_profile_is_a_valid_set_of_answers_with_its_own_name()
    {
        var dayBefore = ReferenceProfiles.Start.AddDays(-1);

        Assert.All(ReferenceProfiles.All, p => Assert.Empty(IntakeValidator.Validate(p.Answers, dayBefore)));
        Assert.Equal(ReferenceProfiles.All.Count, ReferenceProfiles.All.Select(p => p.Name).Distinct().Count());
        // Every concern is tried, and so is at least one profile a clinician must see first.
        Assert.Equal(Enum.GetValues<Concern>().Length, ReferenceProfiles.All.SelectMany(p => p.Answers.Concerns).Distinct().Count());
        Assert.Contains(ReferenceProfiles.All, p => Planner.Create(p.Answers, Rules, ReferenceProfiles.Start).Status == PlanStatus.NeedsClinicianReview);
    }
}
