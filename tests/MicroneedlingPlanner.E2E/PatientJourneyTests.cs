using System.Net;
using System.Net.Sockets;
using MicroneedlingPlanner.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

public sealed class PatientJourneyTests(BrowserFixture app) : BrowserTest(app)
{
    // Links inside the live page navigate over the circuit; the test waits for what appears, not for a page load.
#pragma warning disable CS0612 // NoWaitAfter is marked obsolete but still stops the wait for a load event that never comes.
    private static readonly LocatorClickOptions InCircuit = new() { NoWaitAfter = true };
#pragma warning restore CS0612

    private ILocator Main => Page.GetByRole(AriaRole.Main);

    [Fact]
    [Trait("Category", Artifacts.ReadmePictures)]
    public async Task A_new_patient_plans_acne_scars_downloads_the_calendar_registers_sends_and_finds_the_plan()
    {
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();
        await questions.AnswerAllAsync();
        await questions.Back.ClickAsync();
        await questions.Back.ClickAsync();
        await questions.Back.ClickAsync();
        await Expect(questions.StepHeading).ToHaveTextAsync("About you");
        await questions.Back.ClickAsync();
        await Expect(questions.StepHeading).ToHaveTextAsync("Your acne scars");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ReadmePicturePath("questionnaire") });
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Questionnaire topics" }).GetByRole(AriaRole.Button, new() { Name = "When to start" }).ClickAsync();
        await Expect(questions.StepHeading).ToHaveTextAsync("When would you like to start?");
        await questions.SeePlanAsync();

        var sessions = int.Parse(await Page.Locator(".summary-grid .big").First.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(sessions, 5, 6);
        await Expect(Page.Locator(".schedule tbody tr")).ToHaveCountAsync(sessions);
        await Expect(Page.GetByText("not permanent")).ToBeVisibleAsync();
        // The layout scrolls inside its body, so a tall window shows the whole plan in one picture.
        await Page.SetViewportSizeAsync(1280, 2600);
        await Page.ScreenshotAsync(new() { Path = Artifacts.ReadmePicturePath("plan") });
        await Page.SetViewportSizeAsync(1280, 900);

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Add the dates to my calendar (.ics)" }).ClickAsync());
        var ics = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(sessions, ics.Split("SUMMARY:Microneedling session ").Length - 1);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Send my plan to the clinic" }).ClickAsync();
        // Enhanced navigation may change the address without a load event: poll the address instead.
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(Main.Locator(".sending-reason")).ToContainTextAsync("Sign in to send your plan.");
        await Main.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        // Account pages swap content without a page load: wait for the new heading before typing.
        await Expect(new AppShell(Page).Heading).ToHaveTextAsync("Create an account");
        await Expect(Main.Locator(".sending-reason")).ToContainTextAsync("You need an account to send your plan.");
        var email = $"patient-{Guid.NewGuid():N}@planner.test";
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(Patients.Password);
        await Page.GetByLabel("Password again").FillAsync(Patients.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Page.Locator("#confirm-link").ClickAsync();

        // Confirmed in the browser that registered: signed in and straight back to sending, no password asked again.
        // The redirect may end in a script navigation, which fires no load event: poll the address instead.
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plan/send$"));
        await new AppShell(Page).WaitUntilInteractiveAsync();
        var send = Page.GetByRole(AriaRole.Button, new() { Name = "Send my plan" });
        await send.ClickAsync();
        await Expect(Page.Locator("#consent-error")).ToContainTextAsync("tick the box");
        await Page.GetByLabel("I agree that the clinic may see").CheckAsync();
        await Page.GetByLabel("Your name").FillAsync("Sam Patient");
        await send.ClickAsync();
        var reference = await Page.GetByTestId("reference").InnerTextAsync();
        Assert.Matches("^MP-[A-Z2-9]{4}-[A-Z2-9]{4}$", reference);

        await Page.GetByRole(AriaRole.Link, new() { Name = "All my plans" }).ClickAsync(InCircuit);
        var row = Page.Locator(".my-plans tbody tr", new() { HasText = reference });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Sent");
        await row.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync(InCircuit);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Plan {reference}" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".schedule tbody tr")).ToHaveCountAsync(sessions);
    }

    [Fact]
    public async Task Another_patient_gets_not_found_for_someone_elses_plan_by_its_address()
    {
        var owner = await Patients.NewAsync(App);
        var other = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, owner.Id);

        await new LoginPage(Page).SignInAsync(other.Email!, Patients.Password);
        var response = await Page.GotoAsync($"my-plans/{planId}");
        Assert.Equal(404, response!.Status);
        await Expect(Page.GetByText(planId.ToString())).ToHaveCountAsync(0);

        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(owner.Email!, Patients.Password);
        response = await Page.GotoAsync($"my-plans/{planId}");
        Assert.Equal(200, response!.Status);
    }

    [Fact]
    public async Task A_draft_survives_a_reload_and_an_app_restart_mid_questionnaire()
    {
        // The browser keeps the draft's key per address, so the restarted app must answer on the same
        // port; it is held for the whole test so that nothing else can take it between the two apps.
        using var port = new ReservedPort();
        var first = new PlannerAppFactory(App.DatabaseProvider, App.ConnectionString);
        var address = first.StartOnKestrel(port);
        var questions = new QuestionnairePage(Page);
        await Page.GotoAsync(new Uri(address, "plan/questions").ToString());
        await new AppShell(Page).WaitUntilInteractiveAsync();
        await questions.ChooseAsync("concerns-AcneScars");
        await questions.NextAsync("Your acne scars");
        await questions.ChooseAsync("acneScarTypes-Icepick");
        await questions.ChooseAsync("acneScarSeverity-Severe");
        await questions.NextAsync("About you");
        await questions.FillAgeAsync(41);

        await Page.ReloadAsync();
        await new AppShell(Page).WaitUntilInteractiveAsync();
        await Expect(questions.StepHeading).ToHaveTextAsync("About you");
        await Expect(Page.Locator("#age")).ToHaveValueAsync("41");

        await first.DisposeAsync();
        // .NET 10's reconnect dialog, in the app's words: the patient is told nothing is lost.
        var reconnect = Page.GetByRole(AriaRole.Dialog, new() { Name = "Connection lost" });
        await Expect(reconnect).ToBeVisibleAsync();
        await Expect(reconnect).ToContainTextAsync("saved");
        Assert.False(SomeoneElseCanListenOn(port.Number), "While no app listens, another socket could take the reserved port.");
        await using var second = new PlannerAppFactory(App.DatabaseProvider, App.ConnectionString);
        Assert.Equal(address, second.StartOnKestrel(port));
        await Page.ReloadAsync();
        await new AppShell(Page).WaitUntilInteractiveAsync();

        await Expect(questions.StepHeading).ToHaveTextAsync("About you");
        await Expect(Page.Locator("#age")).ToHaveValueAsync("41");
        await questions.Back.ClickAsync();
        await Expect(Page.Locator("#acneScarTypes-Icepick")).ToBeCheckedAsync();
        await Expect(Page.Locator("#acneScarSeverity-Severe")).ToBeCheckedAsync();
        await Expect(Page.GetByText("kept until", new() { Exact = false }).Or(Page.GetByText("we keep them until"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_profile_that_needs_a_clinician_shows_the_review_notice_and_provisional_dates()
    {
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();
        await questions.AnswerAllAsync(a => a.Conditions.Add("Pregnancy"));
        await questions.SeePlanAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "A clinician needs to check a few things first" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("pregnancy or breastfeeding", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Session dates (provisional)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Validation_messages_appear_for_acne_scars_without_a_type_and_an_age_of_12()
    {
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();
        await questions.Next.ClickAsync();
        await Expect(questions.ErrorFor("concerns")).ToContainTextAsync("Choose at least one");
        await Expect(questions.StepHeading).ToHaveTextAsync("What would you like to improve?");

        await questions.ChooseAsync("concerns-AcneScars");
        await Expect(questions.ErrorFor("concerns")).ToHaveCountAsync(0);
        await questions.NextAsync("Your acne scars");
        await questions.ChooseAsync("acneScarSeverity-Mild");
        await questions.Next.ClickAsync();
        await Expect(questions.ErrorFor("acneScarTypes")).ToContainTextAsync("Choose the type of acne scars");
        await Expect(Page.Locator("#acneScarTypes-Icepick")).ToBeFocusedAsync();
        await Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "needs attention" })).ToHaveCountAsync(1);

        await questions.ChooseAsync("acneScarTypes-Rolling");
        await questions.NextAsync("About you");
        await questions.FillAgeAsync(12);
        await questions.Next.ClickAsync();
        await Expect(questions.ErrorFor("age")).ToContainTextAsync("at least 18");
        await Expect(Page.Locator("#age")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#age")).ToBeFocusedAsync();

        // Going back and forth keeps what was entered.
        await questions.Back.ClickAsync();
        await Expect(Page.Locator("#acneScarTypes-Rolling")).ToBeCheckedAsync();
        await Expect(Page.Locator("#acneScarSeverity-Mild")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_questionnaire_can_be_completed_with_the_keyboard_alone()
    {
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();

        await TabToAsync("#concerns-Texture");
        await Page.Keyboard.PressAsync("Space");
        await TabToAndPressAsync("Next", "Enter");
        await Expect(questions.StepHeading).ToHaveTextAsync("About you");
        await Expect(questions.StepHeading).ToBeFocusedAsync();

        await TabToAsync("#age");
        await Page.Keyboard.TypeAsync("45");
        await TabToAsync("#skinSensitivity-Resilient");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.Locator("#skinSensitivity-Normal")).ToBeCheckedAsync();
        await TabToAndPressAsync("Next", "Enter");
        await Expect(questions.StepHeading).ToHaveTextAsync("Everyday habits");

        foreach (var first in new[] { "#smoking-Never", "#sunExposure-Low", "#dailySunscreen-True", "#skincareRoutine-None", "#alcohol-None", "#sleepAndNutrition-Good" })
        {
            await TabToAsync(first);
            await Page.Keyboard.PressAsync("Space");
        }

        await TabToAndPressAsync("Next", "Enter");
        await Expect(questions.StepHeading).ToHaveTextAsync("Health and medicines");
        await TabToAsync("#usedHomeDevice-True");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(Page.Locator("#usedHomeDevice-False")).ToBeCheckedAsync();
        await TabToAndPressAsync("Next", "Enter");
        await Expect(questions.StepHeading).ToHaveTextAsync("When would you like to start?");

        var start = DateOnly.FromDateTime(DateTime.Today).AddDays(30);
        await TabToAsync("#preferredStartDate");
        await Page.Keyboard.TypeAsync(start.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await TabToAndPressAsync("See my plan", "Enter");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plan$"));
        await Expect(Page.Locator(".schedule tbody tr").First).ToContainTextAsync(start.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    [Trait("Category", Artifacts.ReadmePictures)]
    public async Task The_questionnaire_and_the_plan_fit_a_360_pixel_wide_phone()
    {
        await Page.SetViewportSizeAsync(360, 740);
        var questions = new QuestionnairePage(Page);
        await questions.OpenAsync();
        await questions.ChooseAsync("concerns-AcneScars");
        await Expect(Page.GetByText("Step 1 of 6: Your skin")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new() { Path = Artifacts.ReadmePicturePath("questionnaire-phone") });
        await questions.AnswerAllAsync();
        Assert.True(await FitsWidthAsync(), "The questionnaire scrolls sideways at 360 px.");

        await questions.SeePlanAsync();
        Assert.True(await FitsWidthAsync(), "The plan scrolls sideways at 360 px.");
        var timeline = await TimelineOnScreenAsync();
        Assert.True(timeline[0] >= 12, $"The timeline's smallest text is {timeline[0]:0.0} px at 360 px.");
        Assert.True(timeline[1] == 1, "The first session's mark is clipped.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Send my plan to the clinic" })).ToBeInViewportAsync();
        await Page.ScreenshotAsync(new() { Path = Artifacts.ReadmePicturePath("plan-phone") });
    }

    /// <summary>True when a socket not in on the reservation can listen on the port, as another process could.</summary>
    private static bool SomeoneElseCanListenOn(int port)
    {
        var other = new TcpListener(IPAddress.Loopback, port);
        try
        {
            other.Start();
            other.Stop();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
    }

    /// <summary>
    /// True when every visible element of the page's main area ends inside the window; the
    /// timeline's drawing scrolls inside its own box by design, so that box must fit, not the drawing.
    /// </summary>
    private Task<bool> FitsWidthAsync() =>
        Page.EvaluateAsync<bool>("""
            () => [...document.querySelectorAll('main, main *')]
                .filter(e => e.getClientRects().length > 0 && !e.closest('.visually-hidden') && !e.parentElement?.closest('.timeline-scroll'))
                .every(e => e.getBoundingClientRect().right <= window.innerWidth + 1)
            """);

    /// <summary>The smallest text on the timeline as drawn, in CSS pixels, and whether the first session's mark is whole.</summary>
    private Task<double[]> TimelineOnScreenAsync() =>
        Page.EvaluateAsync<double[]>("""
            () => {
                const svg = document.querySelector('.timeline svg');
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                const smallest = Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
                const box = document.querySelector('.timeline-scroll').getBoundingClientRect();
                const first = svg.querySelector('.mark-session').getBoundingClientRect();
                return [smallest, first.left >= box.left && first.right <= box.right ? 1 : 0];
            }
            """);

    /// <summary>Presses Tab until the element has focus, as a keyboard user would; fails if it never does.</summary>
    private async Task TabToAsync(string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await Page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    private async Task TabToAndPressAsync(string buttonName, string key)
    {
        var button = Page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true });
        for (var i = 0; i < 80 && !await button.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Page.Keyboard.PressAsync(key);
    }
}
