using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using static MicroneedlingPlanner.Domain.Tests.Profiles;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

/// <summary>Maintenance windows are counted from the last session, and the next one is read against a given day.</summary>
public sealed class MaintenanceWindowTests
{
    private static readonly RuleSet Rules = DefaultRules.Create();

    /// <summary>A low-risk texture plan (maintenance every 6 to 12 months) whose last session falls on <paramref name="lastSession"/>.</summary>
    private static TreatmentPlan PlanEndingOn(DateOnly lastSession)
    {
        var dates = Planner.Create(Baseline(), Rules, Today).InitialSeries.SessionDates;
        var plan = Planner.Create(Baseline(), Rules, lastSession.AddDays(dates[0].DayNumber - dates[^1].DayNumber));
        Assert.Equal(lastSession, plan.InitialSeries.SessionDates[^1]);
        Assert.Equal((6, 12), (plan.Maintenance.IntervalMonthsMin, plan.Maintenance.IntervalMonthsMax));
        return plan;
    }

    [Fact]
    public void Windows_after_a_month_end_clamp_return_to_the_day_of_the_last_session()
    {
        var plan = PlanEndingOn(new DateOnly(2027, 8, 31));

        // Six months after 31 August is the last day of February; six more are 31 August again, not 28 or 29 August.
        Assert.Equal(
            [new(2028, 2, 29), new(2028, 8, 31), new(2029, 2, 28), new(2029, 8, 31), new(2030, 2, 28), new(2030, 8, 31)],
            plan.Maintenance.Windows.Select(w => w.Start));
        Assert.Equal(
            [new(2028, 8, 31), new(2029, 2, 28), new(2029, 8, 31), new(2030, 2, 28), new(2030, 8, 31), new(2031, 2, 28)],
            plan.Maintenance.Windows.Select(w => w.End));
    }

    [Fact]
    public void The_next_window_is_the_one_open_today_or_else_the_next_to_open()
    {
        var plan = PlanEndingOn(new DateOnly(2027, 3, 31));
        var windows = plan.Maintenance.Windows;

        Assert.Equal(windows[0], plan.Maintenance.Next(plan.InitialSeries.SessionDates[0]));
        Assert.Equal(windows[0], plan.Maintenance.Next(windows[0].Start));
        Assert.Equal(windows[0], plan.Maintenance.Next(windows[0].End));
        Assert.Equal(windows[1], plan.Maintenance.Next(windows[0].End.AddDays(1)));
        Assert.Equal(windows[^1], plan.Maintenance.Next(windows[^1].End));
        Assert.Null(plan.Maintenance.Next(windows[^1].End.AddDays(1)));
    }
}
