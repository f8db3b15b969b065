using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E.Pages;

/// <summary>The questionnaire, driven by its labels and ids the way a patient would fill it in.</summary>
public sealed class QuestionnairePage(IPage page)
{
    public ILocator StepHeading => page.Locator("#step-heading");

    public ILocator Next => page.GetByRole(AriaRole.Button, new() { Name = "Next" });

    public ILocator Back => page.GetByRole(AriaRole.Button, new() { Name = "Back" });

    public ILocator SeeMyPlan => page.GetByRole(AriaRole.Button, new() { Name = "See my plan" });

    public ILocator SaveStatus => page.Locator(".save-status");

    public ILocator ErrorFor(string field) => page.Locator($"#{field}-error");

    public async Task OpenAsync()
    {
        await page.GotoAsync("plan/questions");
        await new AppShell(page).WaitUntilInteractiveAsync();
        await Expect(StepHeading).ToBeVisibleAsync();
    }

    /// <summary>Ticks a checkbox or picks a radio answer by its id (field-Value), and waits until it is saved.</summary>
    public async Task ChooseAsync(string id)
    {
        var choice = page.Locator($"#{id}");
        if (await choice.IsCheckedAsync())
        {
            return; // Already given: no change, so no save to wait for.
        }

        await GiveAsync(() => choice.CheckAsync());
    }

    public async Task NextAsync(string expectedHeading)
    {
        await Next.ClickAsync();
        await Expect(StepHeading).ToHaveTextAsync(expectedHeading);
    }

    public Task FillAgeAsync(int age) => FillAsync("#age", age.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task FillStartAsync(DateOnly start) => FillAsync("#preferredStartDate", start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Types an answer into a box and leaves it, which sends the change; waits until it is saved.</summary>
    private async Task FillAsync(string selector, string value)
    {
        var box = page.Locator(selector);
        if (await box.InputValueAsync() == value)
        {
            return; // Already given: leaving the box sends no change.
        }

        await GiveAsync(async () =>
        {
            await box.FillAsync(value);
            await box.BlurAsync();
        });
    }

    /// <summary>
    /// Gives one answer and waits for the save that includes it. The status line counts the answers
    /// given on the page that the last finished save included (data-answers-saved); the count read
    /// before answering is current because every answer waits for its own save. Its "Answers saved"
    /// text cannot tell this save from the previous one.
    /// </summary>
    private async Task GiveAsync(Func<Task> answer)
    {
        var before = int.Parse(await SaveStatus.GetAttributeAsync("data-answers-saved") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await answer();
        try
        {
            await page.WaitForFunctionAsync(
                "n => Number(document.querySelector('.save-status')?.dataset.answersSaved) > n",
                before);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"The answer just given was not saved in time; the status line says \"{await SaveStatus.InnerTextAsync()}\".", e);
        }
    }

    /// <summary>Everything up to the last step for a low-risk patient, with the concerns and health answers given.</summary>
    public async Task AnswerAllAsync(Action<Answers>? change = null)
    {
        var answers = new Answers();
        change?.Invoke(answers);
        foreach (var concern in answers.Concerns)
        {
            await ChooseAsync($"concerns-{concern}");
        }

        if (answers.Concerns.Contains("AcneScars"))
        {
            await NextAsync("Your acne scars");
            foreach (var type in answers.ScarTypes)
            {
                await ChooseAsync($"acneScarTypes-{type}");
            }

            await ChooseAsync($"acneScarSeverity-{answers.Severity}");
        }

        await NextAsync("About you");
        await FillAgeAsync(answers.Age);
        await ChooseAsync("skinSensitivity-Normal");
        await NextAsync("Everyday habits");
        foreach (var id in new[] { "smoking-Never", "sunExposure-Moderate", "dailySunscreen-True", "skincareRoutine-Basic", "alcohol-None", "sleepAndNutrition-Good" })
        {
            await ChooseAsync(id);
        }

        await NextAsync("Health and medicines");
        foreach (var condition in answers.Conditions)
        {
            await ChooseAsync($"conditions-{condition}");
        }

        await ChooseAsync("usedHomeDevice-False");
        await NextAsync("When would you like to start?");
        await FillStartAsync(answers.Start);
    }

    /// <summary>Answers the step before <paramref name="next"/> so that the questionnaire can move on to it.</summary>
    public async Task AnswerStepBeforeAsync(string next)
    {
        switch (next)
        {
            case "About you":
                await ChooseAsync("acneScarTypes-Boxcar");
                await ChooseAsync("acneScarSeverity-Moderate");
                break;
            case "Everyday habits":
                await FillAgeAsync(30);
                await ChooseAsync("skinSensitivity-Normal");
                break;
            case "Health and medicines":
                foreach (var id in new[] { "smoking-Never", "sunExposure-Moderate", "dailySunscreen-True", "skincareRoutine-Basic", "alcohol-None", "sleepAndNutrition-Good" })
                {
                    await ChooseAsync(id);
                }

                break;
            case "When would you like to start?":
                await ChooseAsync("usedHomeDevice-False");
                break;
        }
    }

    public async Task SeePlanAsync()
    {
        await SeeMyPlan.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plan$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your plan at a glance", Exact = false })).ToBeVisibleAsync();
    }

    public sealed class Answers
    {
        public List<string> Concerns { get; } = ["AcneScars"];
        public List<string> ScarTypes { get; } = ["Boxcar", "Rolling"];
        public string Severity { get; set; } = "Moderate";
        public int Age { get; set; } = 34;
        public List<string> Conditions { get; } = [];
        public DateOnly Start { get; set; } = DateOnly.FromDateTime(DateTime.Today).AddDays(14);
    }
}
