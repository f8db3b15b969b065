using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using static MicroneedlingPlanner.Domain.Tests.Profiles;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

/// <summary>A clinician's changes: reasons, the rules' range and its override, and the re-dated plan.</summary>
public sealed class PlanRevisionTests
{
    private static readonly RuleSet Rules = DefaultRules.Create();

    // Texture, low risk: 3 sessions (3 to 6), 4 weeks apart (4 to 6), maintenance every 6 to 12 months.
    private static TreatmentPlan Plan() => Planner.Create(Baseline(), Rules, Today.AddDays(14));

    [Fact]
    public void The_baseline_plan_has_the_ranges_these_tests_assume()
    {
        var series = Plan().InitialSeries;
        Assert.True(series.SessionsMax > series.Sessions, "room to add a session within the range");
        Assert.True(series.IntervalWeeksMax > series.IntervalWeeks, "room to lengthen the interval within the range");
    }

    [Fact]
    public void More_sessions_within_the_range_are_dated_at_the_same_interval_and_move_the_maintenance_windows()
    {
        var plan = Plan();
        var series = plan.InitialSeries;
        var result = Planner.Revise(plan, new PlanRevision { Sessions = new(series.Sessions + 1, "Deeper texture than the photos suggested.") }, Today);

        Assert.Empty(result.Errors);
        var revised = result.Plan!;
        Assert.Equal(series.Sessions + 1, revised.InitialSeries.SessionDates.Count);
        Assert.Equal(series.SessionDates, revised.InitialSeries.SessionDates.Take(series.Sessions));
        var last = revised.InitialSeries.SessionDates[^1];
        Assert.Equal(series.SessionDates[^1].AddDays(7 * series.IntervalWeeks), last);
        Assert.Equal(last.AddMonths(plan.Maintenance.IntervalMonthsMin), revised.Maintenance.Windows[0].Start);
        Assert.Equal(last.AddMonths(plan.Maintenance.IntervalMonthsMax), revised.Maintenance.Windows[0].End);
        // Milestones counted from the last session move with it; those from the first stay.
        Assert.Equal(plan.Milestones.Single(m => m.Key == "peak").From.AddDays(7 * series.IntervalWeeks), revised.Milestones.Single(m => m.Key == "peak").From);
        Assert.Equal(plan.Milestones.Single(m => m.Key == "recovery").From, revised.Milestones.Single(m => m.Key == "recovery").From);

        var change = Assert.Single(result.Changes);
        Assert.Equal((RevisedField.Sessions, $"{series.Sessions} sessions", $"{series.Sessions + 1} sessions", false), (change.Field, change.Before, change.After, change.OutsideRange));
        Assert.Contains(revised.Adjustments, a => a.RuleId == Planner.ClinicianRuleId && a.Reason == "Deeper texture than the photos suggested.");
    }

    [Fact]
    public void A_new_start_date_and_interval_re_date_every_session_from_the_new_start()
    {
        var plan = Plan();
        var start = Today.AddDays(30);
        var weeks = plan.InitialSeries.IntervalWeeks + 1;
        var result = Planner.Revise(plan, new PlanRevision
        {
            StartDate = new(start, "The patient is away until then."),
            IntervalWeeks = new(weeks, "Slower healing after the last peel."),
        }, Today);

        Assert.Empty(result.Errors);
        Assert.Equal(Enumerable.Range(0, plan.InitialSeries.Sessions).Select(i => start.AddDays(i * weeks * 7)), result.Plan!.InitialSeries.SessionDates);
        Assert.Equal(start.AddDays(plan.Milestones.Single(m => m.Key == "recovery").From.DayNumber - plan.InitialSeries.SessionDates[0].DayNumber),
            result.Plan.Milestones.Single(m => m.Key == "recovery").From);
        Assert.Equal(2, result.Changes.Count);
    }

    [Fact]
    public void A_new_maintenance_window_re_dates_the_windows_from_the_same_last_session()
    {
        var plan = Plan();
        var last = plan.InitialSeries.SessionDates[^1];
        var result = Planner.Revise(plan, new PlanRevision { MaintenanceMonths = new(new(plan.Maintenance.RangeMonthsMin, plan.Maintenance.RangeMonthsMin + 2), "Sun exposure at work.") }, Today);

        Assert.Empty(result.Errors);
        var windows = result.Plan!.Maintenance.Windows;
        Assert.Equal(last.AddMonths(plan.Maintenance.RangeMonthsMin), windows[0].Start);
        Assert.Equal(last.AddMonths(plan.Maintenance.RangeMonthsMin + 2), windows[0].End);
        Assert.Equal(last.AddMonths(2 * plan.Maintenance.RangeMonthsMin), windows[1].Start);
        Assert.Equal(plan.InitialSeries.SessionDates, result.Plan.InitialSeries.SessionDates);
    }

    [Fact]
    public void Every_change_needs_a_reason_and_every_problem_is_reported_at_once()
    {
        var plan = Plan();
        var result = Planner.Revise(plan, new PlanRevision
        {
            Sessions = new(plan.InitialSeries.Sessions + 1, " "),
            IntervalWeeks = new(plan.InitialSeries.IntervalWeeks + 1, ""),
            StartDate = new(Today.AddDays(40), ""),
            MaintenanceMonths = new(new(plan.Maintenance.RangeMonthsMin, plan.Maintenance.RangeMonthsMin + 1), ""),
        }, Today);

        Assert.Null(result.Plan);
        Assert.Equal(["sessions.reason", "intervalWeeks.reason", "startDate.reason", "maintenanceMonths.reason"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Outside_the_range_needs_an_override_reason_and_is_marked_when_given()
    {
        var plan = Plan();
        var above = plan.InitialSeries.SessionsMax + 1;

        var refused = Planner.Revise(plan, new PlanRevision { Sessions = new(above, "Very deep scarring.") }, Today);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("sessions.override", error.Field);
        Assert.Contains($"{plan.InitialSeries.SessionsMin} to {plan.InitialSeries.SessionsMax}", error.Message, StringComparison.Ordinal);

        var allowed = Planner.Revise(plan, new PlanRevision { Sessions = new(above, "Very deep scarring.", "Seen in clinic; agreed with the lead clinician.") }, Today);
        Assert.Empty(allowed.Errors);
        var change = Assert.Single(allowed.Changes);
        Assert.True(change.OutsideRange);
        Assert.Equal("Seen in clinic; agreed with the lead clinician.", change.OverrideReason);
        Assert.Equal(above, allowed.Plan!.InitialSeries.SessionDates.Count);
    }

    [Fact]
    public void An_override_reason_within_the_range_is_not_recorded_as_an_override()
    {
        var plan = Plan();
        var result = Planner.Revise(plan, new PlanRevision { IntervalWeeks = new(plan.InitialSeries.IntervalWeeksMax, "Slower healing.", "Not needed.") }, Today);
        var change = Assert.Single(result.Changes);
        Assert.False(change.OutsideRange);
        Assert.Null(change.OverrideReason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Planner.MaxSessions + 1)]
    public void Values_no_override_can_pass_are_refused(int sessions)
    {
        var result = Planner.Revise(Plan(), new PlanRevision { Sessions = new(sessions, "Reason.", "Override.") }, Today);
        Assert.Equal("sessions", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void A_start_date_in_the_past_an_unchanged_value_and_no_change_at_all_are_refused()
    {
        var plan = Plan();
        Assert.Equal("startDate", Assert.Single(Planner.Revise(plan, new PlanRevision { StartDate = new(Today.AddDays(-1), "Reason.") }, Today).Errors).Field);
        Assert.Equal("sessions", Assert.Single(Planner.Revise(plan, new PlanRevision { Sessions = new(plan.InitialSeries.Sessions, "Reason.") }, Today).Errors).Field);
        Assert.Equal("changes", Assert.Single(Planner.Revise(plan, new PlanRevision(), Today).Errors).Field);
    }

    [Fact]
    public void A_maintenance_window_whose_first_month_is_after_its_last_is_refused()
    {
        var result = Planner.Revise(Plan(), new PlanRevision { MaintenanceMonths = new(new(9, 7), "Reason.") }, Today);
        Assert.Equal("maintenanceMonths", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void A_plan_stored_without_milestone_anchors_is_re_dated_from_its_dates()
    {
        var plan = Plan();
        var old = plan with { Milestones = [.. plan.Milestones.Select(m => m with { Anchor = null })] };
        var revise = new PlanRevision { Sessions = new(plan.InitialSeries.Sessions + 1, "Reason.") };
        Assert.Equal(
            Planner.Revise(plan, revise, Today).Plan!.Milestones.Select(m => (m.Key, m.From, m.To)),
            Planner.Revise(old, revise, Today).Plan!.Milestones.Select(m => (m.Key, m.From, m.To)));
    }
}
