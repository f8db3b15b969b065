using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Components.Pages.Intake;
using MicroneedlingPlanner.Web.Features.Intake;

namespace MicroneedlingPlanner.Components.Tests.Intake;

/// <summary>The two question components every questionnaire step is built from.</summary>
public sealed class QuestionTests(ComponentsApp app) : ComponentTest(app)
{
    [Fact]
    public async Task A_checkbox_question_ticks_and_unticks_its_choices_and_reports_each_change()
    {
        var selected = new HashSet<AcneScarType> { AcneScarType.Rolling };
        var changes = 0;
        var question = Render<CheckboxQuestion<AcneScarType>>(p => p
            .Add(q => q.Name, "acneScarTypes").Add(q => q.Legend, "Which shapes?").Add(q => q.Why, "they differ.")
            .Add(q => q.Choices, QuestionText.ScarTypes).Add(q => q.Selected, selected).Add(q => q.Changed, () => changes++));

        Assert.Equal("Which shapes?", question.Find("fieldset#acneScarTypes > legend").Text());
        Assert.Equal("acneScarTypes-why", question.Find("fieldset").GetAttribute("aria-describedby"));
        Assert.Equal(QuestionText.ScarTypes.Select(c => c.Label), question.FindAll("label .choice-label").Select(l => l.Text()));
        Assert.Equal(QuestionText.ScarTypes.Select(c => c.Hint), question.FindAll("label .choice-hint").Select(l => l.Text()));
        Assert.All(question.FindAll("label"), l => Assert.NotNull(question.Find($"input#{l.GetAttribute("for")}")));
        // The hint is inside the label, so it is read once, as part of the answer's name.
        Assert.False(question.Find("#acneScarTypes-Icepick").HasAttribute("aria-describedby"));
        Assert.True(question.Find("#acneScarTypes-Rolling").HasAttribute("checked"));

        await question.Find("#acneScarTypes-Icepick").ChangeAsync(true);
        await question.Find("#acneScarTypes-Rolling").ChangeAsync(false);

        Assert.Equal([AcneScarType.Icepick], selected);
        Assert.Equal(2, changes);
    }

    [Fact]
    public async Task A_radio_question_marks_the_given_answer_and_reports_the_one_chosen()
    {
        Smoking? chosen = null;
        var question = Render<RadioQuestion<Smoking>>(p => p
            .Add(q => q.Name, "smoking").Add(q => q.Legend, "Do you smoke?").Add(q => q.Inline, true)
            .Add(q => q.Choices, QuestionText.Smoking).Add(q => q.Value, Smoking.Former)
            .Add(q => q.ValueChanged, v => chosen = v));

        Assert.Equal("Do you smoke?", question.Find("fieldset#smoking > legend").Text());
        Assert.Null(question.Find("fieldset").GetAttribute("aria-describedby"));
        Assert.Contains("inline", question.Find(".choices").ClassList);
        Assert.Equal(["smoking-Former"], question.FindAll("input[checked]").Select(i => i.Id));
        Assert.All(question.FindAll("input"), i => Assert.Equal("smoking", i.GetAttribute("name")));

        await question.Find("#smoking-Daily").ChangeAsync("on");

        Assert.Equal(Smoking.Daily, chosen);
    }

    [Fact]
    public void An_error_is_shown_inside_the_questions_fieldset_and_named_by_its_description()
    {
        var checkbox = Render<CheckboxQuestion<Concern>>(p => p
            .Add(q => q.Name, "concerns").Add(q => q.Legend, "Concerns").Add(q => q.Why, "sessions differ.").Add(q => q.Error, "Choose one.")
            .Add(q => q.Choices, QuestionText.Concerns).Add(q => q.Selected, []));
        var radio = Render<RadioQuestion<Smoking>>(p => p
            .Add(q => q.Name, "smoking").Add(q => q.Legend, "Smoking").Add(q => q.Error, "Choose an answer.")
            .Add(q => q.Choices, QuestionText.Smoking));

        Assert.Equal("! Choose one.", checkbox.Find("fieldset#concerns.has-error #concerns-error").Text());
        Assert.Equal("concerns-why concerns-error", checkbox.Find("fieldset").GetAttribute("aria-describedby"));
        Assert.Equal("! Choose an answer.", radio.Find("fieldset#smoking.has-error #smoking-error").Text());
        Assert.Equal("smoking-error", radio.Find("fieldset").GetAttribute("aria-describedby"));
    }
}
