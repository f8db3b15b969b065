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

    /// <summary>Ticks a checkbox or picks a radio answer by its id (field-Value).</summary>
    public Task ChooseAsync(string id) => page.Locator($"#{id}").CheckAsync();

    public async Task NextAsync(string expectedHeading)
    {
        await Next.ClickAsync();
        await Expect(StepHeading).ToHaveTextAsync(expectedHeading);
    }

    public async Task FillAgeAsync(int age)
    {
        await page.Locator("#age").FillAsync(age.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#age").BlurAsync();
    }

    /// <summary>Waits for the autosave that follows the last answer.</summary>
    public Task WaitForSaveAsync() => Expect(SaveStatus).ToContainTextAsync("Answers saved");

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
        await page.Locator("#preferredStartDate").FillAsync(answers.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#preferredStartDate").BlurAsync();
        await WaitForSaveAsync();
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
