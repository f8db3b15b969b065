using AngleSharp.Dom;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features.Plans;

namespace MicroneedlingPlanner.Components.Tests.Plans;

public sealed class PlanViewTests(ComponentsApp app) : ComponentTest(app)
{
    private IRenderedComponent<PlanView> RenderPlan(TreatmentPlan plan) =>
        Render<PlanView>(p => p.Add(v => v.Plan, plan).Add(v => v.CalendarKey, Guid.NewGuid()).Add(v => v.FileLabel, "MP-TEST-0001"));

    private static IElement Section(IRenderedComponent<PlanView> view, string heading) => view.Find($"section[aria-labelledby='{heading}']");

    private static void AssertShows(IElement section, string text) =>
        Assert.True(section.Text().Contains(text, StringComparison.Ordinal), $"'{text}' is missing from:\n{section.Text()}");

    [Fact]
    public void Every_section_of_a_ready_plan_shows_the_plans_own_figures()
    {
        var plan = SamplePlans.Create(SamplePlans.Rich(Today.AddDays(10)));
        Assert.Equal(PlanStatus.Ready, plan.Status);
        Assert.All(new[] { plan.Adjuncts.Count, plan.Flags.Count, plan.Advice.Count, plan.Adjustments.Count, plan.Disagreements.Count }, n => Assert.NotEqual(0, n));

        var view = RenderPlan(plan);

        Assert.Empty(view.FindAll(".review-notice"));
        var summary = Section(view, "summary-heading");
        Assert.Equal("Your plan at a glance", view.Find("#summary-heading").Text());
        AssertShows(summary, $"{plan.InitialSeries.Sessions} sessions (usual range {plan.InitialSeries.SessionsMin} to {plan.InitialSeries.SessionsMax})");
        AssertShows(summary, $"{plan.InitialSeries.IntervalWeeks} weeks ({plan.InitialSeries.IntervalWeeksMin} to {plan.InitialSeries.IntervalWeeksMax} weeks)");
        AssertShows(summary, PlanWording.Date(plan.InitialSeries.SessionDates[0]));
        AssertShows(summary, PlanWording.Range(plan.Maintenance.Windows[0].Start, plan.Maintenance.Windows[0].End));
        AssertShows(summary, "not permanent");

        Assert.NotNull(Section(view, "timeline-heading").QuerySelector("figure.timeline svg[role=img]"));

        Assert.Equal("Session dates", view.Find("#schedule-heading").Text());
        var rows = Section(view, "schedule-heading").QuerySelectorAll("tbody tr");
        Assert.Equal(plan.InitialSeries.SessionDates.Select((d, i) => $"{i + 1} of {plan.InitialSeries.Sessions} {PlanWording.Date(d)}"), rows.Select(r => string.Join(' ', r.Children.Select(c => c.Text()))));

        var expect = Section(view, "expect-heading");
        Assert.All(plan.Milestones, m => AssertShows(expect, $"{PlanWording.Range(m.From, m.To)}: {m.Label}."));

        var aftercare = Section(view, "aftercare-heading");
        Assert.Equal(plan.Aftercare.Select(a => PlanWording.Timing(a.Timing)).Distinct(), aftercare.QuerySelectorAll("h3").Select(h => h.Text()));
        Assert.All(plan.Aftercare, a => AssertShows(aftercare, a.Text));

        Assert.Equal(plan.Maintenance.Windows.Select(w => PlanWording.Range(w.Start, w.End)), Section(view, "maintenance-heading").QuerySelectorAll("ol li").Select(li => li.Text()));

        var adjuncts = Section(view, "adjuncts-heading");
        Assert.All(plan.Adjuncts, a => AssertShows(adjuncts, $"{a.Treatment}: {a.Reason}"));

        var points = Section(view, "points-heading");
        Assert.All(plan.Flags, f => AssertShows(points, $"{(f.Severity == FlagSeverity.Refer ? "Needs a clinician first" : "To discuss")}: {f.Message}"));
        Assert.All(plan.Advice, a => AssertShows(points, $"Tip: {a.Text}"));

        var why = Section(view, "why-heading");
        AssertShows(why, "the usual course for acne scars");
        Assert.All(plan.Adjustments, a => AssertShows(why, a.Change));
        Assert.All(plan.Adjustments, a => AssertShows(why, a.Reason));

        var disagree = Section(view, "disagree-heading");
        Assert.All(plan.Disagreements, d => AssertShows(disagree, $"This plan uses: {d.DefaultChoice} Other views: {d.Alternative}"));

        Assert.Contains($"treatment rules version {plan.RulesVersion}.", view.Find(".rules-version").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Why_this_plan_says_each_change_once_with_every_reason_for_it()
    {
        var answers = SampleAnswers.LowRisk(Today.AddDays(10), Domain.Intake.Concern.Texture) with
        {
            Smoking = Domain.Intake.Smoking.Daily,
            Alcohol = Domain.Intake.Alcohol.Heavy,
            SunExposure = Domain.Intake.SunExposure.High,
            DailySunscreen = false,
            Age = 58,
        };
        var plan = SamplePlans.Create(answers);
        const string earlier = "Maintenance moves toward the early end of its window.";
        Assert.True(plan.Adjustments.Count(a => a.Change == earlier) >= 3);

        var items = Section(RenderPlan(plan), "why-heading").QuerySelectorAll("li");

        var changes = items.Select(li => li.QuerySelector("strong")!.Text()).ToList();
        Assert.Equal(changes.Distinct(), changes);
        var upkeep = Assert.Single(items, li => li.QuerySelector("strong")!.Text() == earlier);
        Assert.All(plan.Adjustments.Where(a => a.Change == earlier), a => Assert.Contains(a.Reason, upkeep.Text(), StringComparison.Ordinal));
        Assert.Equal($"sources ({plan.Adjustments.Where(a => a.Change == earlier).SelectMany(a => a.Citations).Distinct().Count()})", upkeep.QuerySelector("button.sources-button")!.Text());
    }

    [Fact]
    public void A_plan_that_needs_review_opens_with_the_clinician_notice_and_marks_its_dates_provisional()
    {
        var plan = SamplePlans.Create(SamplePlans.NeedsReview(Today.AddDays(10)));
        Assert.Equal(PlanStatus.NeedsClinicianReview, plan.Status);

        var view = RenderPlan(plan);

        var notice = view.Find("section.review-notice[role=region]");
        Assert.Equal("review-heading", notice.GetAttribute("aria-labelledby"));
        Assert.Equal("A clinician needs to check a few things first", view.Find("#review-heading").Text());
        Assert.Equal(plan.ReviewReasons, notice.QuerySelectorAll("li").Select(li => li.Text()));
        Assert.Equal("Your plan at a glance (provisional)", view.Find("#summary-heading").Text());
        Assert.Equal("Session dates (provisional)", view.Find("#schedule-heading").Text());
        Assert.Contains(plan.Flags, f => f.Severity == FlagSeverity.Refer);
        Assert.Contains("Needs a clinician first:", Section(view, "points-heading").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_adjuncts_leaves_that_section_out()
    {
        var plan = SamplePlans.Create(SampleAnswers.LowRisk(Today.AddDays(10), Domain.Intake.Concern.FineLinesWrinkles));
        Assert.Empty(plan.Adjuncts);

        var view = RenderPlan(plan);

        Assert.Empty(view.FindAll("#adjuncts-heading"));
        Assert.Contains("the usual course for fine lines and wrinkles", Section(view, "why-heading").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_and_calendar_buttons_hand_the_plan_to_the_browser()
    {
        var plan = SamplePlans.Create(SamplePlans.Rich(Today.AddDays(10)));
        var view = RenderPlan(plan);

        await view.PressAsync("Print this plan");
        await view.PressAsync("Add the dates to my calendar (.ics)");

        JSInterop.VerifyInvoke("planner.print");
        var download = JSInterop.VerifyInvoke("planner.download");
        Assert.Equal(PlanCalendar.FileName("MP-TEST-0001"), download.Arguments[0]);
        Assert.Equal(PlanCalendar.ContentType, download.Arguments[1]);
        var calendar = Assert.IsType<string>(download.Arguments[2]);
        Assert.Equal(plan.InitialSeries.Sessions + plan.Maintenance.Windows.Count, calendar.Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public void The_timeline_draws_one_circle_per_session_one_lane_per_expectation_and_describes_itself()
    {
        var plan = SamplePlans.Create(SamplePlans.Rich(Today.AddDays(10)));
        var timeline = PlanTimeline.From(plan);

        var chart = Render<PlanTimelineChart>(p => p.Add(c => c.Timeline, timeline));

        Assert.Equal(plan.InitialSeries.Sessions, chart.FindAll("circle.mark-session").Count);
        Assert.Equal(plan.Milestones.Count, chart.FindAll("rect.mark-milestone").Count);
        Assert.Equal(Math.Min(plan.Maintenance.Windows.Count, PlanTimeline.WindowsShown), chart.FindAll("rect.mark-maintenance").Count);
        Assert.Equal(timeline.Lanes.Select(l => l.Label), chart.FindAll("text.lane-label").Select(t => t.Text()));
        Assert.Equal("timeline-title timeline-desc", chart.Find("svg").GetAttribute("aria-labelledby"));
        var description = chart.Find("desc#timeline-desc").Text();
        Assert.All(timeline.Lanes, l => Assert.Contains($"{l.Label}: ", description, StringComparison.Ordinal));
        Assert.Contains(PlanWording.Date(plan.InitialSeries.SessionDates[^1]), description, StringComparison.Ordinal);
        Assert.Equal(timeline.MonthTicks().Count, chart.FindAll("text.tick-label").Count);

        // Years in full, on the first month and wherever the year turns: never "Jan 27", which reads like a day.
        var ticks = timeline.MonthTicks();
        var labels = chart.FindAll("text.tick-label").Select(t => t.Text()).ToList();
        var britishMonths = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        Assert.Equal(
            ticks.Select((t, i) => i == 0 || ticks[i - 1].Year != t.Year ? $"{t.ToString("MMM", britishMonths)} {t.Year}" : t.ToString("MMM", britishMonths)),
            labels);
        Assert.DoesNotContain(labels, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\w+ \d{2}$"));
        Assert.Contains(labels, l => l.EndsWith($" {ticks[^1].Year}", StringComparison.Ordinal));
    }
}
