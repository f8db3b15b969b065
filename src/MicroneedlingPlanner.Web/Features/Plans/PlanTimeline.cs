using MicroneedlingPlanner.Domain.Planning;

namespace MicroneedlingPlanner.Web.Features.Plans;

public enum TimelineKind { Session, Milestone, Maintenance }

/// <summary>One mark on the timeline; a session has the same start and end.</summary>
public sealed record TimelineItem(TimelineKind Kind, string Label, DateOnly Start, DateOnly End);

public sealed record TimelineLane(string Label, IReadOnlyList<TimelineItem> Items);

/// <summary>
/// The plan's first year or so as lanes of dated marks: sessions, each expectation, and the
/// maintenance windows that fall inside. Drawing is the page's job; positions are fractions of
/// the span so the picture scales to any width.
/// </summary>
public sealed record PlanTimeline(DateOnly Start, DateOnly End, IReadOnlyList<TimelineLane> Lanes)
{
    /// <summary>How many maintenance windows the picture shows; the full list is beside it.</summary>
    public const int WindowsShown = 2;

    public static PlanTimeline From(TreatmentPlan plan)
    {
        var sessions = plan.InitialSeries.SessionDates;
        var windows = plan.Maintenance.Windows.Take(WindowsShown).ToList();
        var start = sessions[0];
        var end = new[] { sessions[^1] }
            .Concat(plan.Milestones.Select(m => m.To))
            .Concat(windows.Select(w => w.End))
            .Max();

        var lanes = new List<TimelineLane>
        {
            new("Sessions", [.. sessions.Select((d, i) => new TimelineItem(TimelineKind.Session, $"Session {i + 1}", d, d))]),
        };
        lanes.AddRange(plan.Milestones.Select(m => new TimelineLane(m.Label, [new TimelineItem(TimelineKind.Milestone, m.Label, m.From, m.To)])));
        if (windows.Count > 0)
        {
            lanes.Add(new("Maintenance due", [.. windows.Select((w, i) => new TimelineItem(TimelineKind.Maintenance, $"Maintenance window {i + 1}", w.Start, w.End))]));
        }

        return new PlanTimeline(start, end, lanes);
    }

    /// <summary>Where a date falls, from 0 at the first session to 1 at the end of the picture.</summary>
    public double Position(DateOnly date) =>
        End == Start ? 0 : (date.DayNumber - Start.DayNumber) / (double)(End.DayNumber - Start.DayNumber);

    /// <summary>The first day of each month in the span, for the axis; every second or third month when the span is long.</summary>
    public IReadOnlyList<DateOnly> MonthTicks()
    {
        var months = ((End.Year - Start.Year) * 12) + End.Month - Start.Month;
        var step = months > 24 ? 3 : months > 12 ? 2 : 1;
        var ticks = new List<DateOnly>();
        for (var tick = new DateOnly(Start.Year, Start.Month, 1).AddMonths(1); tick <= End; tick = tick.AddMonths(step))
        {
            ticks.Add(tick);
        }

        return ticks;
    }

    /// <summary>
    /// A month's name, with the full year on the first tick and wherever the year changes, so that
    /// no label reads like a day ("Jan 27") and every stretch of the axis says which year it is.
    /// </summary>
    public static IReadOnlyList<string> TickLabels(IReadOnlyList<DateOnly> ticks) =>
        [.. ticks.Select((tick, i) => tick.ToString(i == 0 || ticks[i - 1].Year != tick.Year ? "MMM yyyy" : "MMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))];
}
