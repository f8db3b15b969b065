using MicroneedlingPlanner.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// axe-core on every page a patient sees, in each state that changes the markup (errors shown, a
/// dialog open, the menu open on a phone), at desktop width and at 360 px where the layout differs.
/// docs/accessibility.md lists the pages and the few accepted violations.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture app) : BrowserTest(app)
{
    private const int Desktop = 1280;
    private const int Phone = 360;

    private readonly List<string> found = [];

    [Theory]
    [InlineData(Desktop)]
    [InlineData(Phone)]
    public async Task Home_page_has_no_accessibility_violations(int width)
    {
        await Page.SetViewportSizeAsync(width, 900);
        var shell = new AppShell(Page);
        await Page.GotoAsync("");
        await shell.WaitUntilInteractiveAsync();
        await CheckAsync($"home at {width} px");

        if (width == Phone)
        {
            await shell.MenuToggle.ClickAsync();
            await Expect(shell.Menu).ToBeVisibleAsync();
            await CheckAsync("home with the menu open on a phone");
        }

        AssertNoneFound();
    }

    [Theory]
    [InlineData(Desktop)]
    [InlineData(Phone)]
    public async Task Questionnaire_steps_with_and_without_errors_the_plan_and_the_sources_panel_have_no_accessibility_violations(int width)
    {
        await Page.SetViewportSizeAsync(width, 900);
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();

        await CheckAsync("concerns");
        await questions.Next.ClickAsync();
        await Expect(questions.ErrorFor("concerns")).ToBeVisibleAsync();
        await CheckAsync("concerns with an error");
        await questions.ChooseAsync("concerns-AcneScars");
        foreach (var heading in new[] { "Your acne scars", "About you", "Everyday habits", "Health and medicines", "When would you like to start?" })
        {
            await questions.Next.ClickAsync();
            if (await questions.StepHeading.InnerTextAsync() != heading)
            {
                await CheckAsync($"{heading} (with errors)");
                await questions.AnswerStepBeforeAsync(heading);
                await questions.NextAsync(heading);
            }

            await CheckAsync(heading);
        }

        await questions.FillStartAsync(DateOnly.FromDateTime(DateTime.Today).AddDays(7));
        await questions.SeePlanAsync();
        await CheckAsync("plan page");
        var sources = new PlanPage(Page).SourcesFor("the number of sessions");
        await sources.ClickAsync();
        var panel = Page.GetByRole(AriaRole.Dialog);
        await Expect(panel).ToBeVisibleAsync();
        await CheckAsync("sources panel");
        Assert.True(await panel.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), "The sources panel opened without taking focus.");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(sources).ToBeFocusedAsync();

        AssertNoneFound();
    }

    [Fact]
    public async Task Sign_in_and_registration_with_and_without_errors_have_no_accessibility_violations()
    {
        var shell = new AppShell(Page);
        await Page.GotoAsync("Account/Login");
        await CheckAsync("sign-in");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByText("Enter your email address.")).ToBeVisibleAsync();
        await CheckAsync("sign-in with empty fields");
        await Page.GetByLabel("Email address").FillAsync("nobody@planner.test");
        await Page.GetByLabel("Password").FillAsync("not-the-password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an account");
        await CheckAsync("sign-in with a wrong password");

        await Page.GotoAsync("Account/Register");
        await Expect(shell.Heading).ToHaveTextAsync("Create an account");
        await CheckAsync("registration");
        await Page.GetByLabel("Email address").FillAsync("not an address");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await Page.GetByLabel("Password again").FillAsync("different");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(Page.GetByText("The two passwords are not the same.")).ToBeVisibleAsync();
        await CheckAsync("registration with errors");

        AssertNoneFound();
    }

    [Fact]
    public async Task Sending_my_plans_one_plan_and_the_withdraw_dialog_have_no_accessibility_violations()
    {
        var patient = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, patient.Id);
        var shell = new AppShell(Page);
        await new LoginPage(Page).SignInAsync(patient.Email!, Patients.Password);

        await Page.GotoAsync("my-plans");
        await shell.WaitUntilInteractiveAsync();
        await Expect(Page.Locator(".my-plans tbody tr")).ToHaveCountAsync(1);
        await CheckAsync("my plans");

        await Page.GotoAsync($"my-plans/{planId}");
        await shell.WaitUntilInteractiveAsync();
        await CheckAsync("one plan");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this plan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await CheckAsync("withdraw confirmation");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();
        await questions.AnswerAllAsync();
        await Page.GotoAsync("plan/send");
        await shell.WaitUntilInteractiveAsync();
        var send = Page.GetByRole(AriaRole.Button, new() { Name = "Send my plan" });
        await Expect(send).ToBeVisibleAsync();
        await CheckAsync("sending");
        await send.ClickAsync();
        await Expect(Page.Locator("#consent-error")).ToBeVisibleAsync();
        await CheckAsync("sending with the consent error");
        await Page.GetByLabel("I agree that the clinic may see").CheckAsync();
        await Page.GetByLabel("Your name").FillAsync("Sam Patient");
        await send.ClickAsync();
        await Expect(Page.GetByTestId("reference")).ToBeVisibleAsync();
        await CheckAsync("plan sent");

        AssertNoneFound();
    }

    [Theory]
    [InlineData(Desktop)]
    [InlineData(Phone)]
    public async Task The_review_queue_with_plans_and_after_filtering_has_no_accessibility_violations(int width)
    {
        var patient = await Patients.NewAsync(App);
        await Patients.StorePlanAsync(App, patient.Id);
        await Page.SetViewportSizeAsync(width, 900);
        var shell = new AppShell(Page);
        await new LoginPage(Page).SignInAsync(Web.Features.Accounts.DevelopmentAccounts.StaffAccount.Email, Web.Features.Accounts.DevelopmentAccounts.StaffAccount.Password);

        await Page.GotoAsync("staff");
        await shell.WaitUntilInteractiveAsync();
        await Expect(Page.Locator(".queue-grid tbody a.reference-link").First).ToBeVisibleAsync();
        await CheckAsync($"review queue at {width} px");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath($"staff-queue-{width}"), FullPage = true });

        await Page.GetByLabel("Primary concern").SelectOptionAsync(nameof(Domain.Intake.Concern.HairLoss));
        await Page.GetByLabel("Status").SelectOptionAsync(nameof(Domain.Review.SubmissionStatus.Accepted));
        await Expect(Page.GetByText("No plans match these filters.")).ToBeVisibleAsync();
        await CheckAsync($"review queue with no match at {width} px");

        AssertNoneFound();
    }

    private async Task CheckAsync(string where) =>
        found.AddRange((await Accessibility.ViolationsAsync(Page)).Select(v => $"{where}: {v}"));

    private void AssertNoneFound() => Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
}
