using System.Globalization;
using System.Text;
using MicroneedlingPlanner.Domain.Planning;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>
/// Writes a plan as an iCalendar (RFC 5545) file: one all-day event per proposed session and one
/// per maintenance window. Events are all-day because the clinic, not the plan, settles the time.
/// </summary>
public static class PlanCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // RFC 5545 3.1: content lines should not exceed 75 octets, not counting the line break.
    private const int MaxLineOctets = 75;

    private const string LineBreak = "\r\n";

    public static string FileName(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Sanitise(reference) is { Length: > 0 } safe ? $"microneedling-plan-{safe}.ics" : "microneedling-plan.ics";
    }

    /// <param name="planKey">Identifies the saved plan, so that a re-downloaded file updates the same events instead of adding copies.</param>
    /// <param name="stampedAt">When the file is written; passed in so that output is reproducible.</param>
    public static string Write(TreatmentPlan plan, string planKey, DateTimeOffset stampedAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(planKey);

        var key = Sanitise(planKey) is { Length: > 0 } safe ? safe : "plan";
        var stamp = stampedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var provisional = plan.Status == PlanStatus.NeedsClinicianReview;
        var calendar = new StringBuilder();

        Line(calendar, "BEGIN:VCALENDAR");
        Line(calendar, "VERSION:2.0");
        Line(calendar, "PRODID:-//MicroneedlingPlanner//Plan//EN");
        Line(calendar, "CALSCALE:GREGORIAN");
        Line(calendar, "METHOD:PUBLISH");
        Line(calendar, "X-WR-CALNAME:" + Escape("Microneedling plan"));

        var dates = plan.InitialSeries.SessionDates;
        for (var i = 0; i < dates.Count; i++)
        {
            var n = Number(i + 1);
            var summary = $"Microneedling session {n} of {Number(dates.Count)}" + (provisional ? " (provisional)" : "");
            var description = provisional
                ? "This date is only a proposal. A clinician must review your answers before any session is booked; the clinic will then confirm the date and time."
                : "This date is proposed. The clinic will confirm the time of your appointment.";
            Event(calendar, $"{key}-session-{n}", stamp, dates[i], dates[i].AddDays(1), summary, description);
        }

        var windows = plan.Maintenance.Windows;
        for (var i = 0; i < windows.Count; i++)
        {
            var n = Number(i + 1);
            var window = windows[i];
            var description = "A maintenance session is suggested some time between "
                + $"{Words(window.Start)} and {Words(window.End)}. The results of microneedling are not permanent, "
                + "so a session now and then keeps them up.";
            // DTEND of an all-day event is exclusive, so the window's last day needs one more.
            Event(calendar, $"{key}-maintenance-{n}", stamp, window.Start, window.End.AddDays(1), $"Microneedling maintenance due (window {n})", description);
        }

        Line(calendar, "END:VCALENDAR");
        return calendar.ToString();
    }

    /// <summary>Escapes a TEXT value (RFC 5545 3.3.11).</summary>
    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Folds a content line at 75 UTF-8 octets (RFC 5545 3.1). Breaks fall only between whole
    /// characters, so a multi-byte character (or surrogate pair) is never split across lines.
    /// </summary>
    internal static string Fold(string line)
    {
        var folded = new StringBuilder(line.Length + 8);
        var octets = 0;
        for (var i = 0; i < line.Length;)
        {
            // A lone surrogate decodes as U+FFFD, which is also what the UTF-8 encoder will write.
            Rune.DecodeFromUtf16(line.AsSpan(i), out var rune, out var chars);
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                folded.Append(LineBreak).Append(' ');
                octets = 1; // the leading space of a continuation line counts
            }

            folded.Append(line, i, chars);
            octets += rune.Utf8SequenceLength;
            i += chars;
        }

        return folded.ToString();
    }

    private static void Event(StringBuilder calendar, string uid, string stamp, DateOnly start, DateOnly end, string summary, string description)
    {
        Line(calendar, "BEGIN:VEVENT");
        Line(calendar, $"UID:{uid}@microneedlingplanner");
        Line(calendar, "DTSTAMP:" + stamp);
        Line(calendar, "DTSTART;VALUE=DATE:" + Date(start));
        Line(calendar, "DTEND;VALUE=DATE:" + Date(end));
        Line(calendar, "SUMMARY:" + Escape(summary));
        Line(calendar, "DESCRIPTION:" + Escape(description));
        // A proposed date should not show the patient as busy.
        Line(calendar, "TRANSP:TRANSPARENT");
        Line(calendar, "END:VEVENT");
    }

    private static void Line(StringBuilder calendar, string line) => calendar.Append(Fold(line)).Append(LineBreak);

    // UIDs and file names come from outside; only these characters are safe in both.
    private static string Sanitise(string value) =>
        string.Concat(value.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
