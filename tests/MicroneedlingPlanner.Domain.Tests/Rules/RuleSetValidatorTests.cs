using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Rules;

public sealed class RuleSetValidatorTests
{
    private static readonly RuleSet Defaults = DefaultRules.Create();

    private static RuleSet WithConcern(Func<ConcernRule, ConcernRule> change) =>
        Defaults with { Concerns = [change(Defaults.Concerns[0]), .. Defaults.Concerns.Skip(1)] };

    public static TheoryData<string, RuleSet> BrokenRuleSets => new()
    {
        { "the range must start at 1", WithConcern(c => c with { Sessions = c.Sessions with { Min = 7 } }) },
        { "the default 9 is outside", WithConcern(c => c with { IntervalWeeks = c.IntervalWeeks with { Default = 9 } }) },
        { "cite at least one source", WithConcern(c => c with { MaintenanceMonths = c.MaintenanceMonths with { Citations = [] } }) },
        { "citation 'SF-99:000:1' is not in", WithConcern(c => c with { Sessions = c.Sessions with { Citations = ["SF-99:000:1"] } }) },
        { "exactly one rule for each concern", Defaults with { Concerns = Defaults.Concerns.Skip(1).ToList() } },
        { "the id is used twice", Defaults with { Citations = [.. Defaults.Citations, Defaults.Citations[0]] } },
        { "is not a possible answer for Smoking", Defaults with { Modifiers = [Defaults.Modifiers[0] with { When = new([new(AnswerField.Smoking, AnyOf: ["Cigars"])]) }] } },
        { "cannot be tested that way", Defaults with { Screening = [Defaults.Screening[0] with { When = new([new(AnswerField.Age, AnyOf: ["Old"])]) }] } },
        { "contradicts", Defaults with { Modifiers = [.. Defaults.Modifiers, Defaults.Modifiers.First(m => m.Id == "smoking") with { Id = "smoking-late", Effect = EffectKind.MaintenanceLater }] } },
        { "steps must be 1 or more", Defaults with { Modifiers = [Defaults.Modifiers[0] with { Steps = 0 }] } },
        { "needs a version", Defaults with { Version = " " } },
        { "source '001_7e0816e3f0eb3eee' is not in the rule set's sources", Defaults with { Sources = [.. Defaults.Sources.Where(s => s.Id != "001_7e0816e3f0eb3eee")] } },
        { "sources[FDA]: the id is used twice", Defaults with { Sources = [.. Defaults.Sources, Defaults.Sources.Single(s => s.Id == "FDA")] } },
        { "a source needs a title", Defaults with { Sources = [.. Defaults.Sources.Select(s => s.Id == "FDA" ? s with { Title = "" } : s)] } },
    };

    [Theory]
    [MemberData(nameof(BrokenRuleSets))]
    public void Each_kind_of_mistake_is_reported(string expected, RuleSet rules)
    {
        var problems = RuleSetValidator.Validate(rules);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Concern_rules_cover_every_concern() =>
        Assert.Equal(Enum.GetValues<Concern>().Order(), Defaults.Concerns.Select(c => c.Concern).Order());
}
