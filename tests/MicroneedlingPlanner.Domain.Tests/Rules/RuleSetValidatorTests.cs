using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Rules;

public sealed class RuleSetValidatorTests
{
    private static readonly RuleSet Defaults = DefaultRules.Create();

    private static int ModifierAt(string id) => Defaults.Modifiers.ToList().FindIndex(m => m.Id == id);

    private static RuleSet WithConcern(Func<ConcernRule, ConcernRule> change) =>
        Defaults with { Concerns = [change(Defaults.Concerns[0]), .. Defaults.Concerns.Skip(1)] };

    private static RuleSet WithModifier(string id, Func<Modifier, Modifier> change) =>
        Defaults with { Modifiers = [.. Defaults.Modifiers.Select(m => m.Id == id ? change(m) : m)] };

    private static RuleSet WithFirst<T>(Func<RuleSet, IReadOnlyList<T>> list, Func<T, T> change, Func<RuleSet, IReadOnlyList<T>, RuleSet> set) =>
        set(Defaults, [change(list(Defaults)[0]), .. list(Defaults).Skip(1)]);

    /// <summary>Each broken rule set, the path its problem must carry and words its message must contain.</summary>
    public static TheoryData<RuleSet, string, string> BrokenRuleSets => new()
    {
        { Defaults with { Version = " " }, "version", "needs a version" },
        { WithConcern(c => c with { Sessions = c.Sessions with { Min = 0 } }), "concerns[0].sessions.min", "Acne scars: the number of sessions must start at 1" },
        { WithConcern(c => c with { Sessions = c.Sessions with { Min = 7, Default = 7 } }), "concerns[0].sessions.max", "ends at 6, below its start of 7" },
        { WithConcern(c => c with { Sessions = c.Sessions with { Default = 7 } }), "concerns[0].sessions.default", "Acne scars: the number of sessions defaults to 7, outside the range 3 to 6." },
        { WithConcern(c => c with { IntervalWeeks = c.IntervalWeeks with { Default = 9 } }), "concerns[0].intervalWeeks.default", "weeks between sessions defaults to 9" },
        { WithConcern(c => c with { MaintenanceMonths = c.MaintenanceMonths with { Citations = [] } }), "concerns[0].maintenanceMonths.citations", "months until maintenance needs at least one citation" },
        { WithConcern(c => c with { Sessions = c.Sessions with { Citations = ["SF-99"] } }), "concerns[0].sessions.citations", "Citation 'SF-99' is not in the list of citations." },
        { Defaults with { Concerns = [.. Defaults.Concerns.Skip(1)] }, "concerns", "There is no rule for Acne scars" },
        { Defaults with { Concerns = [.. Defaults.Concerns, Defaults.Concerns[0]] }, "concerns", "There are 2 rules for Acne scars" },
        { WithFirst(r => r.Milestones, m => m with { Label = " " }, (r, l) => r with { Milestones = l }), "milestones[0].label", "Milestone 'recovery' needs a label" },
        { WithFirst(r => r.Milestones, m => m with { FromDays = -1 }, (r, l) => r with { Milestones = l }), "milestones[0].fromDays", "starts on day -1" },
        { WithFirst(r => r.Milestones, m => m with { ToDays = 0, FromDays = 2 }, (r, l) => r with { Milestones = l }), "milestones[0].toDays", "ends on day 0, before it starts on day 2" },
        { WithModifier("smoking", m => m with { When = new([new("smoking", AnyOf: ["Cigars"])]) }), $"modifiers[{ModifierAt("smoking")}].when[0]", "Modifier 'smoking': 'Cigars' is not a possible answer to Smoking; it can be Never, Former, Occasional, Daily." },
        { WithModifier("smoking", m => m with { When = new([]) }), $"modifiers[{ModifierAt("smoking")}].when", "Modifier 'smoking' needs at least one condition" },
        { WithFirst(r => r.Screening, s => s with { When = new([new("conditions", AnyOf: ["Pregnancy"]), new("age", AnyOf: ["Old"])]) }, (r, l) => r with { Screening = l }), "screening[0].when[1]", "Age is a number, so test it with at least or at most." },
        { WithModifier("smoking", m => m with { When = new([new("smokng", AnyOf: ["Daily"])]) }), $"modifiers[{ModifierAt("smoking")}].when[0]", "There is no answer called 'smokng'." },
        { WithModifier("smoking", m => m with { When = new([new("dailySunscreen", AnyOf: ["No"])]) }), $"modifiers[{ModifierAt("smoking")}].when[0]", "Daily sunscreen is yes or no, so test it with yes or no." },
        { WithModifier("smoking", m => m with { When = new([new("smoking", Is: true)]) }), $"modifiers[{ModifierAt("smoking")}].when[0]", "Smoking is a choice, so test it with a list of values." },
        { WithModifier("smoking", m => m with { When = new([new("age", AtLeast: 60, AtMost: 40)]) }), $"modifiers[{ModifierAt("smoking")}].when[0]", "so the condition never holds" },
        { Defaults with { Modifiers = [.. Defaults.Modifiers, Defaults.Modifiers[ModifierAt("smoking")] with { Id = "smoking-late", Effect = EffectKind.MaintenanceLater }] }, $"modifiers[{Defaults.Modifiers.Count}].when", "opposite way to modifier 'smoking'" },
        { WithModifier("scar-severe", m => m with { Steps = 0 }), $"modifiers[{ModifierAt("scar-severe")}].steps", "needs 1 or more steps, not 0" },
        { WithModifier("smoking", m => m with { Steps = 2 }), $"modifiers[{ModifierAt("smoking")}].steps", "its steps must be 0, not 2" },
        { WithModifier("scar-severe", m => m with { Steps = 4 }), $"modifiers[{ModifierAt("scar-severe")}].steps", "moves the number of sessions by 4, more than the whole range of any concern it can apply to (the widest is Acne scars, 3 to 6)" },
        { WithModifier("smoking-healing", m => m with { Steps = 3 }), $"modifiers[{ModifierAt("smoking-healing")}].steps", "moves the weeks between sessions by 3" },
        { WithModifier("smoking", m => m with { Reason = "" }), $"modifiers[{ModifierAt("smoking")}].reason", "Modifier 'smoking' needs a reason a patient can read." },
        { WithModifier("home-device", m => m with { Advice = null }), $"modifiers[{ModifierAt("home-device")}].advice", "needs the advice a patient reads" },
        { WithModifier("scar-mild", m => m with { Advice = " " }), $"modifiers[{ModifierAt("scar-mild")}].advice", "Modifier 'scar-mild' gives advice" },
        { WithModifier("scar-mild", m => m with { Id = "smoking" }), $"modifiers[{ModifierAt("smoking")}].id", "Modifier 'smoking' is listed twice" },
        { WithFirst(r => r.Screening, s => s with { Code = Defaults.Screening[1].Code }, (r, l) => r with { Screening = l }), "screening[1].code", $"Screening rule '{Defaults.Screening[1].Code}' is listed twice" },
        { WithFirst(r => r.Screening, s => s with { Message = "" }, (r, l) => r with { Screening = l }), "screening[0].message", "needs a message a patient can read" },
        { WithFirst(r => r.Aftercare, a => a with { Id = Defaults.Aftercare[1].Id }, (r, l) => r with { Aftercare = l }), "aftercare[1].id", "is listed twice" },
        { WithFirst(r => r.Aftercare, a => a with { Text = " " }, (r, l) => r with { Aftercare = l }), "aftercare[0].text", "needs a text a patient can read" },
        { WithFirst(r => r.Adjuncts, a => a with { Treatment = "" }, (r, l) => r with { Adjuncts = l }), "adjuncts[0].treatment", "Adjunct 1 needs the name of its treatment." },
        { WithFirst(r => r.Adjuncts, a => a with { Reason = "" }, (r, l) => r with { Adjuncts = l }), "adjuncts[0].reason", "Adjunct 'Subcision' needs a reason" },
        { WithFirst(r => r.Disagreements, d => d with { Alternative = "" }, (r, l) => r with { Disagreements = l }), "disagreements[0].alternative", "Where the sources disagree on maintenance, the alternative needs a text" },
        { WithFirst(r => r.Disagreements, d => d with { DefaultChoice = "" }, (r, l) => r with { Disagreements = l }), "disagreements[0].defaultChoice", "the default chosen needs a text" },
        { Defaults with { Citations = [.. Defaults.Citations, Defaults.Citations[0]] }, $"citations[{Defaults.Citations.Count}].id", "is listed twice" },
        { WithFirst(r => r.Citations, c => c with { Line = 0 }, (r, l) => r with { Citations = l }), "citations[0].line", "line numbers start at 1" },
        { WithFirst(r => r.Citations, c => c with { Quote = "" }, (r, l) => r with { Citations = l }), "citations[0].quote", "needs a quote" },
        { Defaults with { Sources = [.. Defaults.Sources.Where(s => s.Id != "001_7e0816e3f0eb3eee")] }, "citations[", "names source '001_7e0816e3f0eb3eee', which is not in the list of sources" },
        { Defaults with { Sources = [.. Defaults.Sources, Defaults.Sources.Single(s => s.Id == "FDA")] }, $"sources[{Defaults.Sources.Count}].id", "Source 'FDA' is listed twice" },
        { Defaults with { Sources = [.. Defaults.Sources.Select(s => s.Id == "FDA" ? s with { Title = "" } : s)] }, $"sources[{Defaults.Sources.ToList().FindIndex(s => s.Id == "FDA")}].title", "needs a title" },
    };

    [Theory]
    [MemberData(nameof(BrokenRuleSets))]
    public void Each_kind_of_mistake_is_reported_at_its_field(RuleSet rules, string path, string words)
    {
        var problems = RuleSetValidator.Validate(rules);

        Assert.Contains(problems, p => p.Path.StartsWith(path, StringComparison.Ordinal) && p.Message.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BrokenRuleSets))]
    public void Each_message_is_a_sentence_that_stands_without_its_path(RuleSet rules, string path, string words)
    {
        _ = (path, words);
        var problems = RuleSetValidator.Validate(rules);

        Assert.NotEmpty(problems);
        Assert.All(problems, p =>
        {
            Assert.True(char.IsUpper(p.Message[0]) || p.Message[0] == '\'', $"'{p.Message}' does not start a sentence.");
            Assert.EndsWith(".", p.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("[", p.Message, StringComparison.Ordinal);
            Assert.Equal($"{p.Path}: {p.Message}", p.ToString());
        });
    }

    [Fact]
    public void A_step_within_the_widest_range_it_can_apply_to_is_allowed()
    {
        // Hair loss has a narrower range; a rule for every concern still has wider ones to move.
        var narrow = Defaults with { Concerns = [.. Defaults.Concerns.Select(c => c.Concern == Concern.HairLoss ? c with { Sessions = new(4, 4, 4, c.Sessions.Citations) } : c)] };

        Assert.Empty(RuleSetValidator.Validate(narrow));
    }

    [Fact]
    public void Concern_rules_cover_every_concern() =>
        Assert.Equal(Enum.GetValues<Concern>().Order(), Defaults.Concerns.Select(c => c.Concern).Order());
}
