using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;

namespace MicroneedlingPlanner.Components.Tests.Admin.Rules;

public sealed class RuleDiffViewTests(ComponentsApp app) : ComponentTest(app)
{
    [Fact]
    public void Changes_are_listed_under_their_sections_and_arrows_are_read_as_to()
    {
        var before = DefaultRules.Create();
        var acne = before.Concerns[0];
        var after = before with
        {
            Version = "5",
            Concerns = [acne with { Sessions = acne.Sessions with { Min = 4, Default = 5 } }, .. before.Concerns.Skip(1)],
            Aftercare = [.. before.Aftercare.Skip(1)],
        };

        var view = Render<RuleDiffView>(p => p.Add(v => v.Changes, RuleSetDiff.Between(before, after)).Add(v => v.Heading, "Version 3 → version 5"));

        Assert.Equal("Version 3 → to version 5", view.Find("h2").Text());
        Assert.Equal(["Concerns", "Aftercare"], view.FindAll("h3").Select(h => h.Text()));
        var lists = view.FindAll("ul.rule-diff-changes");
        Assert.Equal(["Acne scars: sessions 3–6 (default 4) → to 4–6 (default 5)"], lists[0].QuerySelectorAll("li").Select(li => li.Text()));
        Assert.Equal(["Aftercare 'tell-history' removed"], lists[1].QuerySelectorAll("li").Select(li => li.Text()));
        Assert.Equal("true", lists[0].QuerySelector("span")!.GetAttribute("aria-hidden"));
        Assert.Equal("visually-hidden", lists[0].QuerySelectorAll("span")[1].GetAttribute("class"));
        Assert.Empty(view.FindAll(".rule-diff-none"));
    }

    [Fact]
    public void Identical_rule_sets_show_no_differences()
    {
        var view = Render<RuleDiffView>(p => p.Add(v => v.Changes, RuleSetDiff.Between(DefaultRules.Create(), DefaultRules.Create())));

        Assert.Equal("No differences", view.Find("p.rule-diff-none").Text());
        Assert.Empty(view.FindAll("h2"));
        Assert.Empty(view.FindAll("li"));
    }
}
