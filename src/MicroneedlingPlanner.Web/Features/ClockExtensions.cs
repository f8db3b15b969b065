namespace MicroneedlingPlanner.Web.Features;

public static class ClockExtensions
{
    /// <summary>Today in the clinic's time zone (the server's), the day start dates are checked against.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
