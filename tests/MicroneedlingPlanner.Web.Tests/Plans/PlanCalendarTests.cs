using System.Globalization;
using System.Text;
using Ical.Net.DataTypes;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Features.Plans;
using Calendar = Ical.Net.Calendar;

namespace MicroneedlingPlanner.Web.Tests.Plans;

public sealed class PlanCalendarTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DateTimeOffset Stamp = new(2026, 2, 20, 9, 30, 15, TimeSpan.FromHours(2));
    private static readonly Guid Key = new("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly Guid OtherKey = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private static IntakeAnswers AcneScarAnswers() => SampleAnswers.AcneScars(Start);

    private static TreatmentPlan Plan(IntakeAnswers answers) => Planner.Create(answers, DefaultRules.Create(), Start);

    private static TreatmentPlan ProvisionalPlan() => Plan(AcneScarAnswers() with { Conditions = [Condition.Pregnancy] });

    /// <summary>The logical lines: folds undone, then split at each line break.</summary>
    private static string[] Unfold(string calendar) =>
        calendar.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Each VEVENT as property name (without parameters) to value; the properties of an alarm in
    /// the event are named "VALARM." and their own name.
    /// </summary>
    private static List<Dictionary<string, string>> Events(string calendar)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        var prefix = "";
        foreach (var line in Unfold(calendar))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else if (line == "BEGIN:VALARM")
            {
                prefix = "VALARM.";
            }
            else if (line == "END:VALARM")
            {
                prefix = "";
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = line[..colon].Split(';')[0];
                current[prefix + name] = line[(colon + 1)..];
            }
        }

        return events;
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string TopUpSummary(DateWindow window) => $"Top-up session due: book between {Words(window.Start)} and {Words(window.End)}";

    [Fact]
    public void One_event_per_session_and_per_maintenance_window()
    {
        var plan = Plan(AcneScarAnswers());

        var events = Events(PlanCalendar.Write(plan, Key, Stamp));

        Assert.NotEmpty(plan.InitialSeries.SessionDates);
        Assert.NotEmpty(plan.Maintenance.Windows);
        Assert.Equal(plan.InitialSeries.SessionDates.Count + plan.Maintenance.Windows.Count, events.Count);
        Assert.Equal(plan.InitialSeries.SessionDates.Count, events.Count(e => e["UID"].Contains("-session-", StringComparison.Ordinal)));
        Assert.Equal(plan.Maintenance.Windows.Count, events.Count(e => e["UID"].Contains("-maintenance-", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_calendar_has_the_required_header_and_footer()
    {
        var lines = Unfold(PlanCalendar.Write(Plan(AcneScarAnswers()), Key, Stamp));

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("PRODID:-//MicroneedlingPlanner//Plan//EN", lines);
        Assert.Contains("CALSCALE:GREGORIAN", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains("X-WR-CALNAME:Microneedling plan", lines);
        Assert.Equal("END:VCALENDAR", lines[^1]);
    }

    [Fact]
    public void Event_dates_match_the_plan_and_all_day_ends_are_exclusive()
    {
        var plan = Plan(AcneScarAnswers());

        var events = Events(PlanCalendar.Write(plan, Key, Stamp));

        var sessions = plan.InitialSeries.SessionDates;
        for (var i = 0; i < sessions.Count; i++)
        {
            var e = events[i];
            Assert.Equal($"{Key:N}-session-{i + 1}@microneedlingplanner", e["UID"]);
            Assert.Equal(Date(sessions[i]), e["DTSTART"]);
            Assert.Equal(Date(sessions[i].AddDays(1)), e["DTEND"]);
            Assert.Equal($"Microneedling session {i + 1} of {sessions.Count}", e["SUMMARY"]);
        }

        var windows = plan.Maintenance.Windows;
        for (var i = 0; i < windows.Count; i++)
        {
            var e = events[sessions.Count + i];
            Assert.Equal($"{Key:N}-maintenance-{i + 1}@microneedlingplanner", e["UID"]);
            Assert.Equal(Date(windows[i].Start), e["DTSTART"]);
            Assert.Equal(Date(windows[i].Start.AddDays(1)), e["DTEND"]);
            Assert.Equal(TopUpSummary(windows[i]), e["SUMMARY"]);
            Assert.Contains("not permanent", e["DESCRIPTION"], StringComparison.Ordinal);
        }

        Assert.All(events, e =>
        {
            Assert.Equal("20260220T073015Z", e["DTSTAMP"]);
            Assert.Equal("TRANSPARENT", e["TRANSP"]);
        });
    }

    [Fact]
    public void Dates_are_declared_as_all_day_values()
    {
        var lines = Unfold(PlanCalendar.Write(Plan(AcneScarAnswers()), Key, Stamp));

        Assert.All(lines.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal) || l.StartsWith("DTEND", StringComparison.Ordinal)),
            l => Assert.Matches(@"^DT(START|END);VALUE=DATE:\d{8}$", l));
    }

    [Fact]
    public void Every_line_ends_in_CRLF_and_none_exceeds_75_octets()
    {
        var calendar = PlanCalendar.Write(ProvisionalPlan(), Key, Stamp);

        Assert.EndsWith("\r\n", calendar, StringComparison.Ordinal);
        var lines = calendar[..^2].Split("\r\n");
        Assert.All(lines, line =>
        {
            Assert.DoesNotContain('\r', line);
            Assert.DoesNotContain('\n', line);
            Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75);
        });
        // The descriptions are long enough that the writer must actually fold.
        Assert.Contains(lines, line => line.StartsWith(' '));
    }

    [Fact]
    public void Descriptions_in_the_calendar_are_escaped()
    {
        var events = Events(PlanCalendar.Write(ProvisionalPlan(), Key, Stamp));

        // The wording has commas and semicolons; none may be left bare.
        Assert.All(events, e => Assert.DoesNotMatch(@"(?<!\\)[,;]", e["DESCRIPTION"]));
        Assert.Contains(events, e => e["DESCRIPTION"].Contains(@"\,", StringComparison.Ordinal));
        Assert.Contains(events, e => e["DESCRIPTION"].Contains(@"\;", StringComparison.Ordinal));
    }

    [Fact]
    public void UIDs_are_stable_for_a_plan_key_and_differ_between_keys()
    {
        var plan = Plan(AcneScarAnswers());

        var first = Events(PlanCalendar.Write(plan, Key, Stamp)).Select(e => e["UID"]).ToList();
        var again = Events(PlanCalendar.Write(plan, Key, Stamp.AddDays(3))).Select(e => e["UID"]).ToList();
        var other = Events(PlanCalendar.Write(plan, OtherKey, Stamp)).Select(e => e["UID"]).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(other));
    }

    [Fact]
    public void UIDs_are_the_plan_key_in_hex_and_the_event()
    {
        var events = Events(PlanCalendar.Write(Plan(AcneScarAnswers()), Key, Stamp));

        Assert.Equal("0f8fad5bd9cb469fa16570867728950e-session-1@microneedlingplanner", events[0]["UID"]);
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{32}-(session|maintenance)-[0-9]+@microneedlingplanner$", e["UID"]));
    }

    [Fact]
    public void A_plan_needing_review_is_marked_provisional()
    {
        var plan = ProvisionalPlan();
        Assert.Equal(PlanStatus.NeedsClinicianReview, plan.Status);

        var sessions = Events(PlanCalendar.Write(plan, Key, Stamp)).Take(plan.InitialSeries.SessionDates.Count).ToList();

        Assert.All(sessions, e =>
        {
            Assert.EndsWith(" (provisional)", e["SUMMARY"], StringComparison.Ordinal);
            Assert.Contains("clinician must review", e["DESCRIPTION"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_ready_plan_is_not_marked_provisional()
    {
        var plan = Plan(AcneScarAnswers());
        Assert.Equal(PlanStatus.Ready, plan.Status);

        var events = Events(PlanCalendar.Write(plan, Key, Stamp));

        Assert.All(events, e =>
        {
            Assert.DoesNotContain("provisional", e["SUMMARY"], StringComparison.Ordinal);
            Assert.DoesNotContain("clinician", e["DESCRIPTION"], StringComparison.Ordinal);
        });
        Assert.Contains("clinic will confirm the time", events[0]["DESCRIPTION"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_top_up_is_one_day_when_its_window_opens_with_a_reminder_a_week_before()
    {
        var plan = Plan(AcneScarAnswers());
        var windows = plan.Maintenance.Windows;

        var events = Events(PlanCalendar.Write(plan, Key, Stamp));

        var sessions = events.Take(plan.InitialSeries.SessionDates.Count).ToList();
        var topUps = events.Skip(sessions.Count).ToList();
        Assert.Equal(windows.Count, topUps.Count);
        for (var i = 0; i < windows.Count; i++)
        {
            // Guards the point of the test: the window is months long, its event one day.
            Assert.True(windows[i].End > windows[i].Start.AddMonths(1));
            Assert.Equal(Date(windows[i].Start), topUps[i]["DTSTART"]);
            Assert.Equal(Date(windows[i].Start.AddDays(1)), topUps[i]["DTEND"]);
            Assert.Equal(TopUpSummary(windows[i]), topUps[i]["SUMMARY"]);
            Assert.Equal("DISPLAY", topUps[i]["VALARM.ACTION"]);
            Assert.Equal("-P7D", topUps[i]["VALARM.TRIGGER"]);
            Assert.Contains("top-up", topUps[i]["VALARM.DESCRIPTION"], StringComparison.Ordinal);
        }

        Assert.Equal("Top-up session due: book between 20 January 2027 and 20 July 2027", topUps[0]["SUMMARY"]);
        Assert.All(sessions, e => Assert.DoesNotContain(e.Keys, k => k.StartsWith("VALARM.", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_back_with_Ical_Net_the_file_has_the_plans_events(bool provisional)
    {
        var plan = provisional ? ProvisionalPlan() : Plan(AcneScarAnswers());
        var sessionDescription = provisional
            ? "This date is only a proposal. A clinician must review your answers before any session is booked; the clinic will then confirm the date and time."
            : "This date is proposed. The clinic will confirm the time of your appointment.";

        var calendar = Calendar.Load(PlanCalendar.Write(plan, Key, Stamp))!;

        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("-//MicroneedlingPlanner//Plan//EN", calendar.ProductId);
        var events = calendar.Events.ToList();
        var dates = plan.InitialSeries.SessionDates;
        var windows = plan.Maintenance.Windows;
        Assert.Equal(dates.Count + windows.Count, events.Count);
        Assert.All(events, e =>
        {
            Assert.True(e.IsAllDay);
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(e.DtStart.Date.AddDays(1), e.DtEnd!.Date);
            Assert.Equal(Stamp.UtcDateTime, e.DtStamp!.AsUtc);
            Assert.Equal("TRANSPARENT", e.Transparency);
        });
        for (var i = 0; i < dates.Count; i++)
        {
            var e = events[i];
            Assert.Equal($"{Key:N}-session-{i + 1}@microneedlingplanner", e.Uid);
            Assert.Equal(dates[i], e.DtStart!.Date);
            Assert.Equal($"Microneedling session {i + 1} of {dates.Count}" + (provisional ? " (provisional)" : ""), e.Summary);
            Assert.Equal(sessionDescription, e.Description);
            Assert.Empty(e.Alarms);
        }

        for (var i = 0; i < windows.Count; i++)
        {
            var e = events[dates.Count + i];
            var between = $"between {Words(windows[i].Start)} and {Words(windows[i].End)}";
            Assert.Equal($"{Key:N}-maintenance-{i + 1}@microneedlingplanner", e.Uid);
            Assert.Equal(windows[i].Start, e.DtStart!.Date);
            Assert.Equal(TopUpSummary(windows[i]), e.Summary);
            Assert.Equal($"The results of microneedling are not permanent, so a top-up session keeps them. Book one with the clinic {between}.", e.Description);
            var alarm = Assert.Single(e.Alarms);
            Assert.Equal("DISPLAY", alarm.Action);
            Assert.Equal($"Time to book your microneedling top-up session, due {between}.", alarm.Description);
            Assert.True(alarm.Trigger!.IsRelative);
            Assert.Equal(Duration.FromDays(-7), alarm.Trigger.Duration);
        }
    }

    [Fact]
    public void The_preview_and_the_sent_plan_give_the_same_UIDs_for_the_same_key()
    {
        var preview = Plan(AcneScarAnswers());
        // The sent plan is read back from its stored snapshot, as the plan page gets it.
        var sent = Snapshot.Read<TreatmentPlan>(Snapshot.Write(preview));

        var fromPreview = Events(PlanCalendar.Write(preview, Key, Stamp)).Select(e => e["UID"]).ToList();
        var fromSent = Events(PlanCalendar.Write(sent, Key, Stamp.AddDays(2))).Select(e => e["UID"]).ToList();
        var otherKey = Events(PlanCalendar.Write(sent, OtherKey, Stamp)).Select(e => e["UID"]).ToList();

        Assert.Equal(preview.InitialSeries.SessionDates.Count + preview.Maintenance.Windows.Count, fromPreview.Count);
        Assert.Equal(fromPreview, fromSent);
        Assert.Empty(fromPreview.Intersect(otherKey));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_session_summary_starts_on_one_unfolded_line(bool provisional)
    {
        var plan = provisional ? ProvisionalPlan() : Plan(AcneScarAnswers());

        var calendar = PlanCalendar.Write(plan, Key, Stamp);

        // The browser test counts sessions in the raw file by this prefix.
        Assert.Equal(plan.InitialSeries.SessionDates.Count, calendar.Split("SUMMARY:Microneedling session ").Length - 1);
    }

    [Theory]
    [InlineData("AB12-cd", "microneedling-plan-AB12-cd.ics")]
    [InlineData("../x y;z", "microneedling-plan-xyz.ics")]
    [InlineData("", "microneedling-plan.ics")]
    public void The_file_name_carries_a_sanitised_reference(string reference, string expected) =>
        Assert.Equal(expected, PlanCalendar.FileName(reference));

    [Fact]
    public void The_content_type_is_calendar_text_in_UTF8() =>
        Assert.Equal("text/calendar; charset=utf-8", PlanCalendar.ContentType);
}
