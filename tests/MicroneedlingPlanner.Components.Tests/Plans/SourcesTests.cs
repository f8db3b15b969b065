using AngleSharp.Dom;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features.Plans;
using MudBlazor;

namespace MicroneedlingPlanner.Components.Tests.Plans;

/// <summary>The sources button and the dialog it opens, which MudBlazor renders in the dialog host.</summary>
public sealed class SourcesTests(ComponentsApp app) : ComponentTest(app)
{

    private static void AssertListsEach(IEnumerable<Citation> sources, IReadOnlyList<Source> named, IElement panel)
    {
        var items = panel.QuerySelectorAll("li");
        Assert.Equal(sources.Select(c => named.Single(s => s.Id == c.Source).Name), items.Select(li => li.QuerySelector(".source-name")!.Text()));
        Assert.Equal(sources.Select(c => c.Line is { } line ? $"Line {line} of the article" : null), items.Select(li => li.QuerySelector(".source-line")?.Text()));
        Assert.Equal(sources.Select(c => c.Quote), items.Select(li => li.QuerySelector("blockquote")!.Text()));
        Assert.Equal(sources.Select(c => $"Evidence: {PlanWording.Grade(c.Grade)}"), items.Select(li => li.QuerySelector(".source-grade")!.Text()));
    }

    [Fact]
    public async Task The_sources_button_in_a_plan_opens_a_panel_with_each_sources_title_quote_and_evidence_grade()
    {
        var plan = SamplePlans.Create(SamplePlans.Rich(Today.AddDays(10)));
        var cited = plan.InitialSeries.Citations.Select(id => plan.Citations.Single(c => c.Id == id)).ToList();
        var host = RenderDialogHost();
        var view = Render<PlanView>(p => p.Add(v => v.Plan, plan).Add(v => v.CalendarKey, Guid.NewGuid()).Add(v => v.FileLabel, "draft"));

        var button = view.Find("button[aria-label='Sources for the number of sessions']");
        Assert.Equal($"sources ({cited.Count})", button.Text());
        Assert.Equal("dialog", button.GetAttribute("aria-haspopup"));
        Assert.Empty(host.FindAll(".sources-panel"));

        button.ClickWithoutWaiting();

        var panel = await host.WaitForElementAsync(".sources-panel");
        Assert.Contains("Where this comes from: the number of sessions", host.Find(".mud-dialog-title").Text(), StringComparison.Ordinal);
        AssertListsEach(cited, plan.Sources, panel);
    }

    [Fact]
    public async Task Closing_the_panel_removes_it_and_returns_focus_to_the_button()
    {
        var plan = SamplePlans.Create(SamplePlans.Rich(Today.AddDays(10)));
        var host = RenderDialogHost();
        var view = Render<PlanView>(p => p.Add(v => v.Plan, plan).Add(v => v.CalendarKey, Guid.NewGuid()).Add(v => v.FileLabel, "draft"));
        var button = view.Find("button[aria-label='Sources for the maintenance windows']");
        button.ClickWithoutWaiting();
        await host.WaitForElementAsync(".sources-panel");

        await host.PressAsync("Close");

        await host.WaitForAssertionAsync(() => Assert.Empty(host.FindAll(".sources-panel")));
        await view.WaitForAssertionAsync(() => Assert.Equal(button.GetAttribute("blazor:elementReference"), LastFocused()));
    }

    [Fact]
    public async Task The_panel_names_a_document_by_its_title_with_its_line_and_a_publication_without_one()
    {
        var rules = DefaultRules.Create();
        Citation[] sources = [rules.Citations.First(c => c.Line is not null), rules.Citations.First(c => c.Line is null)];
        var host = RenderDialogHost();

        await host.InvokeAsync(() => Services.GetRequiredService<IDialogService>()
            .ShowAsync<SourcesPanel>("Sources", new DialogParameters<SourcesPanel> { { p => p.Cited, sources }, { p => p.Sources, rules.Sources.ToDictionary(s => s.Id) } }));

        AssertListsEach(sources, rules.Sources, await host.WaitForElementAsync(".sources-panel"));
        // A patient reads a seed document's title and publisher, never its file name.
        Assert.Equal("Aestheticus Med Spa, Brooklyn, NY: Is Microneedling Permanent? Here's What You Need to Know", host.FindAll(".source-name")[0].Text());
        Assert.Equal("Harris, Naidoo & Murrell (2015): Int J Womens Dermatol 1:77", host.FindAll(".source-name")[1].Text());
        Assert.Single(host.FindAll(".source-line"));
    }

    [Fact]
    public async Task A_plan_stored_before_sources_were_listed_still_opens_its_panel()
    {
        // The JSON of a plan sent before plans carried their sources: no "sources", and citations name a "document".
        var json = Snapshot.Write(SamplePlans.Create(SamplePlans.Rich(Today.AddDays(10))))
            .Replace("\"source\":", "\"document\":", StringComparison.Ordinal);
        var old = Snapshot.Read<Domain.Planning.TreatmentPlan>(System.Text.RegularExpressions.Regex.Replace(json, ",\"sources\":\\[.*?\\](?=\\})", ""));
        Assert.Null(old.Sources);
        var host = RenderDialogHost();
        var view = Render<PlanView>(p => p.Add(v => v.Plan, old).Add(v => v.CalendarKey, Guid.NewGuid()).Add(v => v.FileLabel, "MP-OLD"));

        view.Find("button[aria-label='Sources for the number of sessions']").ClickWithoutWaiting();

        await host.WaitForElementAsync(".sources-panel");
        Assert.All(host.FindAll(".source-name"), n => Assert.Equal("A source from an earlier version of the rules", n.Text()));
    }
}
