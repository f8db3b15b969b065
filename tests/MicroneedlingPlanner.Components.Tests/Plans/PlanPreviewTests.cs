using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Components.Pages.Plans;

namespace MicroneedlingPlanner.Components.Tests.Plans;

public sealed class PlanPreviewTests(ComponentsApp app) : ComponentTest(app)
{
    private async Task<IRenderedComponent<PlanPreview>> OpenAsync()
    {
        var page = Render<PlanPreview>();
        await page.WaitForAssertionAsync(() => Assert.Empty(page.FindAll("[role=status]")));
        return page;
    }

    [Fact]
    public async Task Complete_answers_show_the_plan_the_planner_makes_from_them_and_the_way_to_send_it()
    {
        var answers = SamplePlans.Rich(Today.AddDays(10));
        await StartDraftAsync(answers);
        var expected = Planner.Propose(answers, AppService<MicroneedlingPlanner.Web.Features.Rules.PublishedRules>().Current, Today).Plan!;

        var page = await OpenAsync();

        var view = page.FindComponent<PlanView>();
        Assert.Equivalent(expected, view.Instance.Plan, strict: true);
        Assert.Contains($"{expected.InitialSeries.Sessions} sessions", page.Find(".plan-summary").Text(), StringComparison.Ordinal);
        Assert.Equal("plan/send", page.FindAll("a").Single(a => a.Text() == "Send my plan to the clinic").GetAttribute("href"));
        Assert.Equal("plan/questions", page.FindAll("a").Single(a => a.Text() == "Change my answers").GetAttribute("href"));
    }

    [Fact]
    public async Task Without_a_draft_the_page_points_back_to_the_questions()
    {
        BrowserHolds(null);

        var page = await OpenAsync();

        Assert.Contains("We could not find unsent answers on this device.", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindComponents<PlanView>());
        Assert.Equal("plan/questions", page.Find("a").GetAttribute("href"));
    }

    [Fact]
    public async Task Incomplete_answers_get_a_warning_instead_of_a_plan()
    {
        await StartDraftAsync(SampleAnswers.LowRisk(Today.AddDays(10), Domain.Intake.Concern.Texture) with { Age = null });

        var page = await OpenAsync();

        Assert.Contains("Some answers are missing or need a change", page.Find(".mud-alert").Text(), StringComparison.Ordinal);
        Assert.Empty(page.FindComponents<PlanView>());
    }

    [Fact]
    public async Task Answers_already_sent_are_gone_and_the_page_points_to_the_patients_plans()
    {
        var patient = await SignInAsPatientAsync();
        var token = await StartDraftAsync(SampleAnswers.AcneScars(Today.AddDays(10)));
        await SendDraftAsync(patient, token);

        var page = await OpenAsync();

        Assert.Contains("Answers are removed once they are sent to the clinic", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindComponents<PlanView>());
        Assert.Contains("my-plans", page.FindAll("a").Select(a => a.GetAttribute("href")));
    }
}
