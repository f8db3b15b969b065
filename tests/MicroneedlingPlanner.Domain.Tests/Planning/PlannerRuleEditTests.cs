using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using static MicroneedlingPlanner.Domain.Tests.Profiles;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

/// <summary>
/// The planner prepares each rule set once and reuses it. These tests show that an edited rule
/// set is planned with its own rules, that rules combine the same way whatever their number, and
/// that preparing on several threads at once gives the same plans.
/// </summary>
public sealed class PlannerRuleEditTests
{
    private static readonly RuleSet Rules = DefaultRules.Create();

    [Fact]
    public void An_edited_rule_set_is_planned_with_its_own_numbers()
    {
        var answers = Baseline(Concern.Texture);
        var before = Planner.Create(answers, Rules, Today);
        var texture = Rules.Concerns.Single(c => c.Concern == Concern.Texture);
        var edited = Rules with
        {
            Version = "edited",
            Concerns = [.. Rules.Concerns.Select(c => c == texture ? c with { Sessions = c.Sessions with { Default = c.Sessions.Max } } : c)],
        };

        var after = Planner.Create(answers, edited, Today);

        Assert.NotEqual(before.InitialSeries.Sessions, after.InitialSeries.Sessions);
        Assert.Equal(texture.Sessions.Max, after.InitialSeries.Sessions);
        Assert.Equal("edited", after.RulesVersion);
        Assert.Equal(before.InitialSeries.Sessions, Planner.Create(answers, Rules, Today).InitialSeries.Sessions);
    }

    [Fact]
    public void Hundreds_of_modifiers_apply_like_a_few()
    {
        var more = Enumerable.Range(0, 300).Select(i => new Modifier(
            $"extra-{i}", new RuleCondition([new Clause("concerns", AnyOf: ["Texture"])]), EffectKind.SessionsUp, 1,
            "Test rule.", i % 2 == 0 ? "Same advice." : null, ["SF-12:003:41"]));
        var crowded = Rules with { Modifiers = [.. Rules.Modifiers, .. more] };

        var plan = Planner.Create(Baseline(Concern.Texture), crowded, Today);

        Assert.Equal(plan.InitialSeries.SessionsMax, plan.InitialSeries.Sessions);
        Assert.Equal(300, plan.Adjustments.Count(a => a.RuleId.StartsWith("extra-", StringComparison.Ordinal)));
        Assert.Single(plan.Advice, a => a.Text == "Same advice.");
        Assert.Contains(plan.Adjustments, a => a.Change.Contains("stay at", StringComparison.Ordinal));
    }

    [Fact]
    public void A_treatment_suggested_for_two_reasons_appears_once_with_both_reasons_sources()
    {
        var answers = AcneScars(ScarSeverity.Mild, AcneScarType.Rolling) with { Concerns = [Concern.AcneScars, Concern.Hyperpigmentation] };
        var peelRules = Rules.Adjuncts.Where(a => a.Treatment == "Chemical peel").ToList();

        var peel = Assert.Single(Planner.Create(answers, Rules, Today).Adjuncts, a => a.Treatment == "Chemical peel");

        Assert.Equal(peelRules[0].Reason, peel.Reason);
        Assert.Equal(peelRules.SelectMany(r => r.Citations).Distinct().Order(), peel.Citations.Order());
    }

    [Fact]
    public void A_value_no_answer_can_take_never_matches()
    {
        var typo = new ScreeningRule("typo", new RuleCondition([new Clause("conditions", AnyOf: ["Pregnant"])]),
            ScreeningAction.Refer, "Never shown.", ["REG-refer-pregnancy"]);

        var plan = Planner.Create(Baseline() with { Conditions = [Condition.Pregnancy] }, Rules with { Screening = [typo] }, Today);

        Assert.DoesNotContain(plan.Flags, f => f.Code == "typo");
        Assert.Equal(PlanStatus.Ready, plan.Status);
    }

    [Fact]
    public async Task Planning_the_same_new_rule_set_on_many_threads_gives_the_same_plans()
    {
        var fresh = Rules with { Version = "fresh" };
        var answers = Enum.GetValues<Concern>()
            .Select(c => c == Concern.AcneScars ? AcneScars(ScarSeverity.Severe, AcneScarType.Icepick) : Baseline(c) with { Concerns = [c, Concern.Texture] })
            .ToArray();
        var expected = answers.Select(a => Json(Planner.Create(a, Rules, Today)).Replace(Rules.Version, "fresh", StringComparison.Ordinal)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => answers.Select(a => Json(Planner.Create(a, fresh, Today))).ToArray())));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static string Json(TreatmentPlan plan) => System.Text.Json.JsonSerializer.Serialize(plan);
}
