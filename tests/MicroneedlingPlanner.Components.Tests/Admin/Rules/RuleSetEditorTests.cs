using AngleSharp.Dom;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MicroneedlingPlanner.Components.Tests.Admin.Rules;

/// <summary>The admin's rule editor: each edit a new rule set, checked at once, problems beside their fields.</summary>
public sealed class RuleSetEditorTests(ComponentsApp app) : ComponentTest(app)
{
    private const string Ranges = "Sessions, intervals and maintenance per concern";

    private RuleSet? raised;
    private IReadOnlyList<RuleProblem> reported = [];

    private IRenderedComponent<RuleSetEditor> RenderEditor(RuleSet rules) =>
        Render<RuleSetEditor>(p => p
            .Add(e => e.Rules, rules)
            .Add(e => e.RulesChanged, r => raised = r)
            .Add(e => e.ProblemsChanged, problems => reported = problems));

    [Fact]
    public async Task A_bad_value_shows_its_problem_beside_the_field_and_in_the_count_and_is_kept_until_fixed()
    {
        var editor = RenderEditor(DefaultRules.Create());
        Assert.Equal("No problems: this draft can be published.", editor.Find("#rule-summary").Text());
        Assert.Empty(reported);
        await OpenAsync(editor, Ranges);

        // Acne scars come first in the default rules; their sessions run 3 to 6.
        var minimum = Field(editor, "#rule-concerns-0-sessions", "Minimum");
        await minimum.InputAsync(new ChangeEventArgs { Value = "7" });

        minimum = Field(editor, "#rule-concerns-0-sessions", "Minimum");
        Assert.Equal("7", minimum.GetAttribute("value"));
        Assert.Equal(7, raised!.Concerns[0].Sessions.Min);
        // The validator puts a range the wrong way round on its maximum, and the default left outside it on the default.
        // Leaving the fields (MudBlazor validates on blur) keeps the errors.
        await minimum.BlurAsync(new FocusEventArgs());
        await Field(editor, "#rule-concerns-0-sessions", "Maximum").BlurAsync(new FocusEventArgs());
        var maximum = Field(editor, "#rule-concerns-0-sessions", "Maximum");
        Assert.Equal("true", maximum.GetAttribute("aria-invalid"));
        Assert.Equal("Acne scars: the number of sessions ends at 6, below its start of 7.", ErrorBeside(editor, maximum));
        Assert.Equal("Acne scars: the number of sessions defaults to 4, outside the range 7 to 6.", ErrorBeside(editor, Field(editor, "#rule-concerns-0-sessions", "Default")));
        // A range that narrow also leaves the modifiers' steps wider than it: the validator says so too.
        Assert.Equal(["concerns[0].sessions.max", "concerns[0].sessions.default"], reported.Take(2).Select(p => p.Path));
        Assert.Equal($"{reported.Count} problems to fix before this draft can be published", editor.Find("#rule-summary").Text());
        Assert.Equal(
            ["Acne scars, sessions, maximum: Acne scars: the number of sessions ends at 6, below its start of 7.",
             "Acne scars, sessions, default: Acne scars: the number of sessions defaults to 4, outside the range 7 to 6."],
            editor.FindAll(".rule-problem-links li").Take(2).Select(li => li.Text()));
        Assert.Equal(reported.Count, editor.FindAll(".rule-problem-links li").Count);
        // Other concerns' fields are untouched and clean.
        Assert.Equal("false", Field(editor, "#rule-concerns-1-sessions", "Maximum").GetAttribute("aria-invalid"));

        await Field(editor, "#rule-concerns-0-sessions", "Minimum").InputAsync(new ChangeEventArgs { Value = "3" });
        await Field(editor, "#rule-concerns-0-sessions", "Minimum").BlurAsync(new FocusEventArgs());

        Assert.Equal("false", Field(editor, "#rule-concerns-0-sessions", "Maximum").GetAttribute("aria-invalid"));
        Assert.Equal("", ErrorBeside(editor, Field(editor, "#rule-concerns-0-sessions", "Default")));
        Assert.Equal("No problems: this draft can be published.", editor.Find("#rule-summary").Text());
        Assert.Empty(reported);
        Assert.Equal(3, raised!.Concerns[0].Sessions.Min);
    }

    [Fact]
    public async Task A_problem_link_opens_its_section_and_moves_focus_to_the_field()
    {
        var rules = DefaultRules.Create();
        var editor = RenderEditor(rules with { Concerns = [rules.Concerns[0] with { Sessions = rules.Concerns[0].Sessions with { Min = 7 } }, .. rules.Concerns.Skip(1)] });
        Assert.Empty(editor.FindAll("#rule-concerns-0-sessions-min"));

        await editor.Find(".rule-problem-links button").ClickAsync(new MouseEventArgs());

        var path = reported[0].Path;
        editor.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations["planner.focus"], i => (string?)i.Arguments[0] == "#" + RuleProblems.FieldId(path)));
        Assert.NotNull(editor.Find("#" + RuleProblems.FieldId(path)));
    }

    [Fact]
    public async Task A_problem_link_to_a_citation_shows_its_row_though_the_list_shows_a_page_at_a_time()
    {
        var rules = DefaultRules.Create();
        var editor = RenderEditor(rules with { Citations = [.. rules.Citations.Select((c, i) => i == 100 ? c with { Quote = " " } : c)] });
        await OpenAsync(editor, "Sources and citations");
        Assert.Empty(editor.FindAll("#rule-citations-100-quote"));

        await editor.Find(".rule-problem-links button").ClickAsync(new MouseEventArgs());

        Assert.Equal("citations[100].quote", reported.Single().Path);
        editor.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations["planner.focus"], i => (string?)i.Arguments[0] == "#rule-citations-100-quote"));
        Assert.Equal("true", editor.Find("#rule-citations-100-quote").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Empty_aftercare_text_is_a_problem_beside_it()
    {
        var editor = RenderEditor(DefaultRules.Create());
        await OpenAsync(editor, "Aftercare");

        await Field(editor, "#rule-aftercare-0", "What the patient should do").InputAsync(new ChangeEventArgs { Value = "" });

        await Field(editor, "#rule-aftercare-0", "What the patient should do").BlurAsync(new FocusEventArgs());
        var text = Field(editor, "#rule-aftercare-0", "What the patient should do");
        Assert.Equal("true", text.GetAttribute("aria-invalid"));
        Assert.NotEmpty(ErrorBeside(editor, text));
        Assert.Equal("", raised!.Aftercare[0].Text);
        Assert.Contains(reported, p => p.Path == "aftercare[0].text");
    }

    [Fact]
    public async Task A_citation_that_is_not_in_the_rule_set_is_a_problem_under_the_item()
    {
        var rules = DefaultRules.Create();
        var editor = RenderEditor(rules with { Aftercare = [rules.Aftercare[0] with { Citations = ["SF-99:000:1"] }, .. rules.Aftercare.Skip(1)] });
        await OpenAsync(editor, "Aftercare");

        var chip = editor.Find("#rule-aftercare-0-citations .citation-unknown");
        Assert.Contains("SF-99:000:1 (not in this rule set)", chip.Text(), StringComparison.Ordinal);
        Assert.Contains("SF-99:000:1", editor.Find("#rule-aftercare-0-citations-error").Text(), StringComparison.Ordinal);
        Assert.Equal("rule-aftercare-0-citations-error", editor.Find("#rule-aftercare-0-citations").GetAttribute("aria-describedby"));
        Assert.Contains(reported, p => p.Path == "aftercare[0].citations");
    }

    [Fact]
    public async Task A_modifiers_effect_and_steps_change_only_that_modifier()
    {
        var rules = DefaultRules.Create();
        var editor = RenderEditor(rules);
        await OpenAsync(editor, "Modifiers");

        await editor.Find("#rule-modifiers-1-effect").ChangeAsync(new ChangeEventArgs { Value = nameof(EffectKind.IntervalLonger) });
        await Field(editor, "#rule-modifiers-1", "Steps").InputAsync(new ChangeEventArgs { Value = "1" });

        Assert.Equal(rules.Modifiers[1] with { Effect = EffectKind.IntervalLonger, Steps = 1 }, raised!.Modifiers[1]);
        Assert.Equal(rules.Modifiers.Skip(2), raised.Modifiers.Skip(2));
        Assert.Equal(rules.Modifiers[0], raised.Modifiers[0]);
    }

    [Fact]
    public async Task A_modifiers_condition_is_edited_clause_by_clause_with_each_answers_own_test()
    {
        var rules = DefaultRules.Create();
        var index = rules.Modifiers.ToList().FindIndex(m => m.Id == "smoking");
        var clause = $"#rule-modifiers-{index}-when-0";
        var editor = RenderEditor(rules);
        await OpenAsync(editor, "Modifiers");
        Assert.Equal("Smoking is Occasional or Daily", editor.Find($"#rule-modifiers-{index}-when .condition-words").Text());

        // A choice answer: its values by their words, ticked as the rule has them.
        var labels = editor.FindAll($"{clause} .rule-checks label").Select(l => l.Text()).ToList();
        Assert.Equal(["Never", "Former", "Occasional", "Daily"], labels);
        await editor.Find($"{clause}-Former").ChangeAsync(new ChangeEventArgs { Value = true });
        await editor.Find($"{clause}-Daily").ChangeAsync(new ChangeEventArgs { Value = false });

        // A number answer: at least / at most.
        await editor.Find($"#rule-modifiers-{index}-when").QuerySelectorAll("button").Single(b => b.Text() == "Add a clause").ClickAsync(new MouseEventArgs());
        await editor.Find($"#rule-modifiers-{index}-when-1-answer").ChangeAsync(new ChangeEventArgs { Value = "age" });
        Assert.Contains("Answers run from", editor.Find($"#rule-modifiers-{index}-when-1").Text(), StringComparison.Ordinal);
        await editor.Find($"#rule-modifiers-{index}-when-1-atLeast").InputAsync(new ChangeEventArgs { Value = "40" });

        // A yes/no answer.
        await editor.Find($"#rule-modifiers-{index}-when").QuerySelectorAll("button").Single(b => b.Text() == "Add a clause").ClickAsync(new MouseEventArgs());
        await editor.Find($"#rule-modifiers-{index}-when-2-answer").ChangeAsync(new ChangeEventArgs { Value = "dailySunscreen" });
        await editor.Find($"#rule-modifiers-{index}-when-2-no").ChangeAsync(new ChangeEventArgs { Value = "on" });

        // And the effect.
        await editor.Find($"#rule-modifiers-{index}-effect").ChangeAsync(new ChangeEventArgs { Value = nameof(EffectKind.MaintenanceLater) });

        var modifier = raised!.Modifiers[index];
        Assert.Equal(EffectKind.MaintenanceLater, modifier.Effect);
        Assert.Equal(3, modifier.When.AllOf.Count);
        Assert.Equal(new Clause("smoking"), modifier.When.AllOf[0] with { AnyOf = null });
        Assert.Equal(["Occasional", "Former"], modifier.When.AllOf[0].AnyOf);
        Assert.Equal(new Clause("age", AtLeast: 40), modifier.When.AllOf[1]);
        Assert.Equal(new Clause("dailySunscreen", Is: false), modifier.When.AllOf[2]);
        Assert.Equal(rules.Modifiers[index] with { When = modifier.When, Effect = modifier.Effect }, modifier);
        Assert.Equal("Smoking is Occasional or Former and Age is 40 or more and Daily sunscreen is No", editor.Find($"#rule-modifiers-{index}-when .condition-words").Text());
        Assert.DoesNotContain(reported, p => p.Path.StartsWith($"modifiers[{index}].when", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clause_that_never_holds_and_a_condition_with_no_clauses_are_problems_beside_them()
    {
        var rules = DefaultRules.Create();
        var index = rules.Screening.ToList().FindIndex(s => s.Code == "age-under-22");
        var condition = $"#rule-screening-{index}-when";
        var editor = RenderEditor(rules);
        await OpenAsync(editor, "Screening");

        await editor.Find($"{condition}-0-atLeast").InputAsync(new ChangeEventArgs { Value = "30" });

        Assert.Equal(new Clause("age", AtLeast: 30, AtMost: 21), raised!.Screening[index].When.AllOf[0]);
        Assert.Equal($"rule-screening-{index}-when-0-error", editor.Find($"{condition}-0").GetAttribute("aria-describedby"));
        Assert.Equal(reported.Single(p => p.Path == $"screening[{index}].when[0]").Message, editor.Find($"{condition}-0-error").Text());
        Assert.Contains("cannot be at least 30 and at most 21", editor.Find($"{condition}-0-error").Text(), StringComparison.Ordinal);

        await editor.Find($"{condition} button[aria-label^='Remove clause 1']").ClickAsync(new MouseEventArgs());

        Assert.Empty(raised.Screening[index].When.AllOf);
        Assert.Equal(reported.Single(p => p.Path == $"screening[{index}].when").Message, editor.Find($"{condition}-error").Text());
        Assert.Equal($"rule-screening-{index}-when-error", editor.Find(condition).GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task A_seed_fact_is_cited_and_added_with_its_source_when_the_rule_set_lacks_them()
    {
        var rules = DefaultRules.Create();
        const string fact = "SF-01:001:13";
        const string document = "001_7e0816e3f0eb3eee";
        rules = rules with { Citations = [.. rules.Citations.Where(c => c.Id != fact)], Sources = [.. rules.Sources.Where(s => s.Id != document)] };
        var editor = RenderEditor(rules);
        await OpenAsync(editor, "Aftercare");

        await editor.Find("#rule-aftercare-0 .citation-add-toggle").ClickAsync(new MouseEventArgs());
        await editor.Find("#rule-aftercare-0-citations-find").InputAsync(new ChangeEventArgs { Value = "fine lines and" });
        var pick = editor.FindAll("#rule-aftercare-0 .seed-fact").Single(b => b.Text().StartsWith($"Add {fact}", StringComparison.Ordinal));
        await pick.ClickAsync(new MouseEventArgs());

        Assert.Equal([.. rules.Aftercare[0].Citations, fact], raised!.Aftercare[0].Citations);
        Assert.Single(raised.Citations, c => c.Id == fact);
        Assert.Single(raised.Sources, s => s.Id == document);
        Assert.Contains(fact, editor.Find("#rule-aftercare-0-citations").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_is_added_as_a_source_and_a_citation_without_a_line()
    {
        var rules = DefaultRules.Create();
        var editor = RenderEditor(rules);
        await OpenAsync(editor, "Aftercare");
        await editor.Find("#rule-aftercare-1 .citation-add-toggle").ClickAsync(new MouseEventArgs());

        await editor.Find("#rule-aftercare-1-citations-authors").ChangeAsync(new ChangeEventArgs { Value = "Okafor & Lee" });
        await editor.Find("#rule-aftercare-1-citations-year").ChangeAsync(new ChangeEventArgs { Value = "2024" });
        await editor.Find("#rule-aftercare-1-citations-title").ChangeAsync(new ChangeEventArgs { Value = "J Cosmet Dermatol 23:101" });
        await editor.Find("#rule-aftercare-1-citations-grade").ChangeAsync(new ChangeEventArgs { Value = nameof(EvidenceGrade.ClinicConvention) });
        await editor.Find("#rule-aftercare-1-citations-summary").ChangeAsync(new ChangeEventArgs { Value = "n=60: numbing cream before microneedling halves the pain score" });
        await editor.PressAsync("Add publication");

        Assert.Equal(new Source("Okafor2024", SourceKind.Publication, "J Cosmet Dermatol 23:101", "Okafor & Lee", 2024), raised!.Sources[^1]);
        Assert.Equal(new Citation("LIT-Okafor2024", null, "Okafor2024", null, "n=60: numbing cream before microneedling halves the pain score", EvidenceGrade.ClinicConvention), raised.Citations[^1]);
        Assert.Equal([.. rules.Aftercare[1].Citations, "LIT-Okafor2024"], raised.Aftercare[1].Citations);
        Assert.Empty(reported);
    }

    [Fact]
    public async Task Removing_a_citation_takes_it_off_that_item_only()
    {
        var rules = DefaultRules.Create();
        var editor = RenderEditor(rules);
        await OpenAsync(editor, "Aftercare");

        await editor.Find("#rule-aftercare-2 button[aria-label='Remove citation SF-70:001:97 from aftercare no-sun-24h']").ClickAsync(new MouseEventArgs());

        Assert.Empty(raised!.Aftercare[2].Citations);
        Assert.Equal(rules.Citations, raised.Citations);
        Assert.Contains(reported, p => p.Path == "aftercare[2].citations");
    }

    [Fact]
    public async Task Read_only_shows_the_rules_without_ways_to_change_them()
    {
        var editor = Render<RuleSetEditor>(p => p.Add(e => e.Rules, DefaultRules.Create()).Add(e => e.ReadOnly, true));
        await OpenAsync(editor, "Aftercare");

        Assert.NotEmpty(editor.FindAll("#rule-aftercare-0-text[readonly]"));
        Assert.False(editor.HasButton("Add aftercare advice"));
        Assert.Empty(editor.FindAll(".citation-add-toggle"));
    }

    private static async Task OpenAsync(IRenderedComponent<RuleSetEditor> editor, string title)
    {
        var header = editor.FindAll(".mud-expand-panel-header").Single(h => h.QuerySelector(".rule-section-title")!.Text() == title);
        await header.ClickAsync(new MouseEventArgs());
    }

    /// <summary>The input a label names, within a part of the editor, found as a person would: by the label's text.</summary>
    private static IElement Field(IRenderedComponent<RuleSetEditor> editor, string within, string label)
    {
        var match = editor.Find(within).QuerySelectorAll("label").Single(l => l.Text() == label);
        return editor.Find("#" + match.GetAttribute("for"));
    }

    /// <summary>
    /// The text that describes the field to a screen reader (its aria-describedby), which must also
    /// sit beside it, in the same MudBlazor input control; empty when the field has none.
    /// </summary>
    private static string ErrorBeside(IRenderedComponent<RuleSetEditor> editor, IElement input)
    {
        var ids = (input.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var described = ids.Select(id => editor.FindAll("#" + id).SingleOrDefault()).OfType<IElement>().ToList();
        Assert.All(described, d => Assert.Same(input.Closest(".mud-input-control"), d.Closest(".mud-input-control")));
        return string.Join(" ", described.Select(d => d.Text()));
    }
}
