using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MicroneedlingPlanner.Domain.Planning;
using Calendar = Ical.Net.Calendar;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>
/// Writes a plan as an iCalendar (RFC 5545) file: one all-day event per proposed session and one
/// on the day each maintenance window opens. Events are all-day because the clinic, not the plan,
/// settles the time.
/// </summary>
public static class PlanCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string FileName(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Sanitise(reference) is { Length: > 0 } safe ? $"microneedling-plan-{safe}.ics" : "microneedling-plan.ics";
    }

    /// <param name="planKey">
    /// The draft's submission key, which the sent plan keeps as its idempotency key. The file from
    /// the preview and the one from the sent plan then have the same event UIDs, so a calendar
    /// given both updates its events instead of adding copies.
    /// </param>
    /// <param name="stampedAt">When the file is written; passed in so that output is reproducible.</param>
    /// <param name="sequence">
    /// RFC 5545's SEQUENCE: 0 for the plan as sent, raised when the patient accepts changed dates,
    /// so a calendar that already holds these UIDs replaces the events with the new dates.
    /// </param>
    public static string Write(TreatmentPlan plan, Guid planKey, DateTimeOffset stampedAt, int sequence = 0)
    {
        ArgumentNullException.ThrowIfNull(plan);

        var calendar = new Calendar { ProductId = "-//MicroneedlingPlanner//Plan//EN", Scale = "GREGORIAN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "Microneedling plan");
        var stamp = new CalDateTime(stampedAt.UtcDateTime);

        var provisional = plan.Status == PlanStatus.NeedsClinicianReview;
        var sessionDescription = provisional
            ? "This date is only a proposal. A clinician must review your answers before any session is booked; the clinic will then confirm the date and time."
            : "This date is proposed. The clinic will confirm the time of your appointment.";
        var dates = plan.InitialSeries.SessionDates;
        for (var i = 0; i < dates.Count; i++)
        {
            var summary = $"Microneedling session {i + 1} of {dates.Count}" + (provisional ? " (provisional)" : "");
            calendar.Events.Add(AllDay($"{planKey:N}-session-{i + 1}", stamp, sequence, dates[i], summary, sessionDescription));
        }

        var windows = plan.Maintenance.Windows;
        for (var i = 0; i < windows.Count; i++)
        {
            var between = $"between {Words(windows[i].Start)} and {Words(windows[i].End)}";
            // One day, not the whole window: an event months long would sit across the patient's calendar.
            var topUp = AllDay($"{planKey:N}-maintenance-{i + 1}", stamp, sequence, windows[i].Start,
                $"Top-up session due: book {between}",
                $"The results of microneedling are not permanent, so a top-up session keeps them. Book one with the clinic {between}.");
            // A week's notice leaves time to get an appointment before the window opens.
            topUp.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = $"Time to book your microneedling top-up session, due {between}.",
                Trigger = new Trigger(Duration.FromDays(-7)),
            });
            calendar.Events.Add(topUp);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent AllDay(string uid, CalDateTime stamp, int sequence, DateOnly day, string summary, string description) => new()
    {
        Uid = uid + "@microneedlingplanner",
        DtStamp = stamp,
        Sequence = sequence,
        DtStart = new CalDateTime(day),
        // DTEND of an all-day event is exclusive, so a one-day event ends on the next day.
        DtEnd = new CalDateTime(day.AddDays(1)),
        Summary = summary,
        Description = description,
        // A proposed date should not show the patient as busy.
        Transparency = TransparencyType.Transparent,
    };

    // File names come from outside; only these characters are safe in one.
    private static string Sanitise(string value) =>
        string.Concat(value.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", English);
}
