using System.Globalization;
using System.Text;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Features.Plans;

namespace MicroneedlingPlanner.Web.Tests.Plans;

public sealed class PlanCalendarTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DateTimeOffset Stamp = new(2026, 2, 20, 9, 30, 15, TimeSpan.FromHours(2));

    // Throws on a lone surrogate, i.e. on a character split in two.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static IntakeAnswers AcneScarAnswers() => SampleAnswers.AcneScars(Start);

    private static TreatmentPlan Plan(IntakeAnswers answers) => Planner.Create(answers, DefaultRules.Create(), Start);

    /// <summary>The logical lines: folds undone, then split at each line break.</summary>
    private static string[] Unfold(string calendar) =>
        calendar.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each VEVENT as property name (without parameters) to value.</summary>
    private static List<Dictionary<string, string>> Events(string calendar)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
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
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = line[..colon].Split(';')[0];
                current[name] = line[(colon + 1)..];
            }
        }

        return events;
    }

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    [Fact]
    public void One_event_per_session_and_per_maintenance_window()
    {
        var plan = Plan(AcneScarAnswers());

        var events = Events(PlanCalendar.Write(plan, "abc-123", Stamp));

        Assert.NotEmpty(plan.InitialSeries.SessionDates);
        Assert.NotEmpty(plan.Maintenance.Windows);
        Assert.Equal(plan.InitialSeries.SessionDates.Count + plan.Maintenance.Windows.Count, events.Count);
        Assert.Equal(plan.InitialSeries.SessionDates.Count, events.Count(e => e["UID"].Contains("-session-", StringComparison.Ordinal)));
        Assert.Equal(plan.Maintenance.Windows.Count, events.Count(e => e["UID"].Contains("-maintenance-", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_calendar_has_the_required_header_and_footer()
    {
        var lines = Unfold(PlanCalendar.Write(Plan(AcneScarAnswers()), "abc", Stamp));

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("VERSION:2.0", lines[1]);
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

        var events = Events(PlanCalendar.Write(plan, "abc", Stamp));

        var sessions = plan.InitialSeries.SessionDates;
        for (var i = 0; i < sessions.Count; i++)
        {
            var e = events[i];
            Assert.Equal($"abc-session-{i + 1}@microneedlingplanner", e["UID"]);
            Assert.Equal(Date(sessions[i]), e["DTSTART"]);
            Assert.Equal(Date(sessions[i].AddDays(1)), e["DTEND"]);
            Assert.Equal($"Microneedling session {i + 1} of {sessions.Count}", e["SUMMARY"]);
        }

        var windows = plan.Maintenance.Windows;
        for (var i = 0; i < windows.Count; i++)
        {
            var e = events[sessions.Count + i];
            Assert.Equal($"abc-maintenance-{i + 1}@microneedlingplanner", e["UID"]);
            Assert.Equal(Date(windows[i].Start), e["DTSTART"]);
            Assert.Equal(Date(windows[i].End.AddDays(1)), e["DTEND"]);
            Assert.Equal($"Microneedling maintenance due (window {i + 1})", e["SUMMARY"]);
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
        var lines = Unfold(PlanCalendar.Write(Plan(AcneScarAnswers()), "abc", Stamp));

        Assert.All(lines.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal) || l.StartsWith("DTEND", StringComparison.Ordinal)),
            l => Assert.Matches(@"^DT(START|END);VALUE=DATE:\d{8}$", l));
    }

    [Fact]
    public void Every_line_ends_in_CRLF_and_none_exceeds_75_octets()
    {
        var calendar = PlanCalendar.Write(Plan(AcneScarAnswers() with { Conditions = [Condition.Pregnancy] }), "abc", Stamp);

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
    public void Folding_round_trips_a_long_line()
    {
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Range(0, 40).Select(i => i.ToString(CultureInfo.InvariantCulture) + " "));

        var folded = PlanCalendar.Fold(line);

        Assert.Contains("\r\n ", folded, StringComparison.Ordinal);
        Assert.All(folded.Split("\r\n"), l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("é")] // two octets
    [InlineData("€")] // three octets
    [InlineData("😀")] // four octets, a surrogate pair in UTF-16
    public void Folding_never_splits_a_multi_byte_character(string character)
    {
        // Every offset of the character against the 75-octet boundary, on first and continuation lines.
        for (var padding = 60; padding < 160; padding++)
        {
            var line = "SUMMARY:" + new string('x', padding) + string.Concat(Enumerable.Repeat(character, 30));

            var folded = PlanCalendar.Fold(line);

            Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
            Assert.All(folded.Split("\r\n"), l =>
            {
                var octets = StrictUtf8.GetBytes(l);
                Assert.InRange(octets.Length, 1, 75);
                Assert.Equal(l, StrictUtf8.GetString(octets));
            });
        }
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var line = new string('x', 73) + "é";

        Assert.Equal(line, PlanCalendar.Fold(line));
        Assert.Equal(new string('x', 74) + "\r\n é", PlanCalendar.Fold(new string('x', 74) + "é"));
    }

    [Theory]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a,b", @"a\,b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\nb")]
    [InlineData(@"\;,", @"\\\;\,")]
    [InlineData("plain: words", "plain: words")]
    public void Text_values_are_escaped(string text, string expected) =>
        Assert.Equal(expected, PlanCalendar.Escape(text));

    [Fact]
    public void Descriptions_in_the_calendar_are_escaped()
    {
        var events = Events(PlanCalendar.Write(Plan(AcneScarAnswers() with { Conditions = [Condition.Pregnancy] }), "abc", Stamp));

        // The wording has commas and semicolons; none may be left bare.
        Assert.All(events, e => Assert.DoesNotMatch(@"(?<!\\)[,;]", e["DESCRIPTION"]));
        Assert.Contains(events, e => e["DESCRIPTION"].Contains(@"\,", StringComparison.Ordinal));
        Assert.Contains(events, e => e["DESCRIPTION"].Contains(@"\;", StringComparison.Ordinal));
    }

    [Fact]
    public void UIDs_are_stable_for_a_plan_key_and_differ_between_keys()
    {
        var plan = Plan(AcneScarAnswers());

        var first = Events(PlanCalendar.Write(plan, "key-one", Stamp)).Select(e => e["UID"]).ToList();
        var again = Events(PlanCalendar.Write(plan, "key-one", Stamp.AddDays(3))).Select(e => e["UID"]).ToList();
        var other = Events(PlanCalendar.Write(plan, "key-two", Stamp)).Select(e => e["UID"]).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(other));
    }

    [Fact]
    public void The_plan_key_is_sanitised_in_UIDs()
    {
        var events = Events(PlanCalendar.Write(Plan(AcneScarAnswers()), "a b;c,d\\é/<e>-1", Stamp));

        Assert.Equal("abcde-1-session-1@microneedlingplanner", events[0]["UID"]);
        Assert.All(events, e => Assert.Matches("^[A-Za-z0-9-]+@microneedlingplanner$", e["UID"]));
    }

    [Fact]
    public void A_plan_needing_review_is_marked_provisional()
    {
        var plan = Plan(AcneScarAnswers() with { Conditions = [Condition.Pregnancy] });
        Assert.Equal(PlanStatus.NeedsClinicianReview, plan.Status);

        var sessions = Events(PlanCalendar.Write(plan, "abc", Stamp)).Take(plan.InitialSeries.SessionDates.Count).ToList();

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

        var events = Events(PlanCalendar.Write(plan, "abc", Stamp));

        Assert.All(events, e =>
        {
            Assert.DoesNotContain("provisional", e["SUMMARY"], StringComparison.Ordinal);
            Assert.DoesNotContain("clinician", e["DESCRIPTION"], StringComparison.Ordinal);
        });
        Assert.Contains("clinic will confirm the time", events[0]["DESCRIPTION"], StringComparison.Ordinal);
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
