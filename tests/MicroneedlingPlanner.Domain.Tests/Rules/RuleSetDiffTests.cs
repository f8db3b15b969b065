using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Rules;

public sealed class RuleSetDiffTests
{
    private static readonly RuleSet Defaults = DefaultRules.Create();

    private static IReadOnlyList<RuleChange> ChangesTo(RuleSet after) => RuleSetDiff.Between(Defaults, after);

    private static RuleSet WithModifier(string id, Func<Modifier, Modifier> change) =>
        Defaults with { Modifiers = [.. Defaults.Modifiers.Select(m => m.Id == id ? change(m) : m)] };

    private static Modifier Modifier(string id) => Defaults.Modifiers.Single(m => m.Id == id);

    [Fact]
    public void Identical_rule_sets_have_no_changes() =>
        Assert.Empty(RuleSetDiff.Between(DefaultRules.Create(), DefaultRules.Create()));

    [Fact]
    public void A_reordered_list_is_no_change() =>
        Assert.Empty(ChangesTo(Defaults with { Modifiers = [.. Defaults.Modifiers.Reverse()], Concerns = [.. Defaults.Concerns.Reverse()] }));

    [Fact]
    public void Concern_ranges_are_shown_before_and_after()
    {
        var after = Defaults with
        {
            Concerns = [.. Defaults.Concerns.Select(c => c.Concern == Concern.AcneScars
                ? c with { Sessions = c.Sessions with { Min = 4, Default = 5 }, IntervalWeeks = c.IntervalWeeks with { Max = 8, Default = 6 } }
                : c)],
        };

        Assert.Equal(
            [
                new("Concerns", "Acne scars: sessions 3–6 (default 4) → 4–6 (default 5)"),
                new("Concerns", "Acne scars: weeks between sessions 4–6 (default 4) → 4–8 (default 6)"),
            ],
            ChangesTo(after));
    }

    [Fact]
    public void A_concern_rule_removed_is_named_in_words() =>
        Assert.Equal([new RuleChange("Concerns", "Fine lines and wrinkles removed")], ChangesTo(Defaults with { Concerns = [.. Defaults.Concerns.Where(c => c.Concern != Concern.FineLinesWrinkles)] }));

    [Fact]
    public void Concern_citations_added_and_removed()
    {
        var hair = Defaults.Concerns.Single(c => c.Concern == Concern.HairLoss);
        var after = Defaults with { Concerns = [.. Defaults.Concerns.Select(c => c == hair ? c with { MaintenanceMonths = c.MaintenanceMonths with { Citations = ["SF-03:001:55", "LIT-Dhurat2013"] } } : c)] };

        Assert.Equal(
            [
                new("Concerns", "Hair loss: months until maintenance now also cites 'LIT-Dhurat2013'"),
                new("Concerns", "Hair loss: months until maintenance no longer cites 'SF-44:004:46', 'CONV-maintenance'"),
            ],
            ChangesTo(after));
    }

    [Fact]
    public void Milestone_label_and_days()
    {
        var after = Defaults with { Milestones = [.. Defaults.Milestones.Select(m => m.Key == "peak" ? m with { Label = "Best results", FromDays = 60 } : m)] };

        Assert.Equal(
            [
                new("Milestones", "Milestone 'peak' label changed: “Fullest improvement, as new collagen matures” → “Best results”"),
                new("Milestones", "Milestone 'peak': days 90–180 after the last session → days 60–180 after the last session"),
            ],
            ChangesTo(after));
    }

    [Fact]
    public void A_modifier_added_is_described_with_its_condition_effect_and_reason()
    {
        var before = Defaults with { Modifiers = [.. Defaults.Modifiers.Where(m => m.Id != "smoking-healing")] };

        var changes = RuleSetDiff.Between(before, Defaults);

        Assert.Equal(
            [new("Modifiers", $"Modifier 'smoking-healing' added: when Smoking is Occasional or Daily, weeks between sessions longer by 1. Reason: “{Modifier("smoking-healing").Reason}”")],
            changes);
        Assert.Equal([new RuleChange("Modifiers", "Modifier 'smoking-healing' removed")], RuleSetDiff.Between(Defaults, before));
    }

    [Theory]
    [InlineData("age-50-plus", "Age is 50 or more")]
    [InlineData("scar-deep-types", "Acne scar types include Icepick or Boxcar")]
    [InlineData("sun-unprotected", "Sun exposure is High and Daily sunscreen is No")]
    [InlineData("hyperpigmentation-sun", "Concerns include Hyperpigmentation")]
    public void Conditions_read_as_words(string id, string words) =>
        Assert.Equal(words, ConditionText.Describe(Modifier(id).When));

    [Fact]
    public void Modifier_condition_effect_reason_and_advice()
    {
        var after = WithModifier("scar-severe", m => m with
        {
            When = new([new Clause("acneScarSeverity", AnyOf: ["Moderate", "Severe"])]),
            Steps = 1,
            Reason = "More sessions.",
            Advice = null,
        });

        Assert.Equal(
            [
                "Modifier 'scar-severe' condition changed: when Acne scar severity is Severe → when Acne scar severity is Moderate or Severe",
                "Modifier 'scar-severe' effect changed: sessions up by 2 → sessions up by 1",
                "Modifier 'scar-severe' reason changed: “Severe scars need more sessions.” → “More sessions.”",
                $"Modifier 'scar-severe' advice changed: “{Modifier("scar-severe").Advice}” → none",
            ],
            ChangesTo(after).Select(c => c.Text));
    }

    [Fact]
    public void Screening_message_and_action()
    {
        var pregnancy = Defaults.Screening.Single(s => s.Code == "pregnancy");
        var after = Defaults with { Screening = [.. Defaults.Screening.Select(s => s == pregnancy ? s with { Message = "Ask first.", Action = ScreeningAction.Caution } : s)] };

        Assert.Equal(
            [
                new("Screening", "Screening 'pregnancy' action changed: refer to a clinician first → caution"),
                new("Screening", $"Screening 'pregnancy' message changed: “{pregnancy.Message}” → “Ask first.”"),
            ],
            ChangesTo(after));
    }

    [Fact]
    public void Aftercare_text_and_timing()
    {
        var after = Defaults with { Aftercare = [.. Defaults.Aftercare.Select(a => a.Id == "sunscreen-daily" ? a with { Text = "SPF 50.", Timing = AftercareTiming.UntilHealed } : a)] };

        Assert.Equal(
            [
                new("Aftercare", "Aftercare 'sunscreen-daily' timing changed: ongoing → until healed"),
                new("Aftercare", "Aftercare 'sunscreen-daily' text changed: “Wear sunscreen every day, with a hat and shade in strong sun.” → “SPF 50.”"),
            ],
            ChangesTo(after));
    }

    [Fact]
    public void Adjuncts_with_the_same_treatment_are_told_apart_by_position()
    {
        var peels = Defaults.Adjuncts.Where(a => a.Treatment == "Chemical peel").ToList();
        var after = Defaults with { Adjuncts = [.. Defaults.Adjuncts.Select(a => a == peels[1] ? a with { Reason = "Peels help." } : a)] };

        Assert.Equal(
            [new RuleChange("Adjuncts", $"Adjunct 'Chemical peel' (rule 2) reason changed: “{peels[1].Reason}” → “Peels help.”")],
            ChangesTo(after));
    }

    [Fact]
    public void Disagreements_by_topic()
    {
        var after = Defaults with { Disagreements = [.. Defaults.Disagreements.Select(d => d.Topic == PlanTopic.Interval ? d with { DefaultChoice = "4 weeks." } : d)] };

        Assert.Equal(
            [new RuleChange("Advice where sources disagree", $"Interval: default changed: “{Defaults.Disagreements.Single(d => d.Topic == PlanTopic.Interval).DefaultChoice}” → “4 weeks.”")],
            ChangesTo(after));
    }

    [Fact]
    public void Sources_added_and_changed()
    {
        var fda = Defaults.Sources.Single(s => s.Id == "FDA");
        var after = Defaults with
        {
            Sources = [.. Defaults.Sources.Select(s => s == fda ? s with { Year = 2030 } : s), new Source("NEW", SourceKind.Publication, "A trial", "Smith", 2025)],
        };

        Assert.Equal(
            [
                new("Sources", $"Source 'FDA' changed: {fda.Name} ({fda.Kind}) → {(fda with { Year = 2030 }).Name} ({fda.Kind})"),
                new("Sources", "Source 'NEW' added: Smith (2025): A trial"),
            ],
            ChangesTo(after));
    }

    [Fact]
    public void Citations_added_removed_and_changed()
    {
        var first = Defaults.Citations[0];
        var after = Defaults with
        {
            Citations = [first with { Quote = "Another quote" }, .. Defaults.Citations.Skip(2), first with { Id = "NEW-1" }],
        };

        var changes = ChangesTo(after);

        Assert.All(changes, c => Assert.Equal("Citations", c.Section));
        Assert.Equal(3, changes.Count);
        Assert.Equal($"Citation '{Defaults.Citations[1].Id}' removed", changes[0].Text);
        Assert.StartsWith($"Citation '{first.Id}' changed: “{first.Quote}”", changes[1].Text, StringComparison.Ordinal);
        Assert.Contains("→ “Another quote”", changes[1].Text, StringComparison.Ordinal);
        Assert.StartsWith($"Citation 'NEW-1' added: “{first.Quote}”", changes[2].Text, StringComparison.Ordinal);
    }
}
