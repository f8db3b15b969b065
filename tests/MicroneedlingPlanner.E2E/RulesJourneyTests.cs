using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>Its own app and database: these tests publish rules, which would change every other browser test's plans.</summary>
public sealed class RulesBrowserFixture(PostgresServer server) : BrowserFixture(server)
{
    protected override Task StartAppAsync()
    {
        Factory.With("Rules:RequireSecondAdmin", "true");
        return base.StartAppAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RulesInBrowser : ICollectionFixture<RulesBrowserFixture>
{
    public const string Name = "Rules in the browser";
}

[Collection(RulesInBrowser.Name)]
public sealed class RulesJourneyTests(RulesBrowserFixture app) : BrowserTest(app)
{
    private static readonly int AcneScars = DefaultRules.Create().Concerns.ToList().FindIndex(c => c.Concern == Concern.AcneScars);

    /// <summary>3 sessions under version 1 (the default 4, one fewer for mild scars); one more once the default is 5.</summary>
    private static IntakeAnswers MildRollingScars() => SampleAnswers.AcneScars(DateOnly.FromDateTime(DateTime.Today).AddDays(20)) with
    {
        AcneScarTypes = [AcneScarType.Rolling],
        AcneScarSeverity = ScarSeverity.Mild,
    };

    private static string Field(string path) => "#" + RuleProblems.FieldId(path);

    private async Task<string> NewSecondAdminAsync()
    {
        using var scope = App.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"admin-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Patients.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
        await TestAuthenticator.EnableAsync(App.Factory.Services, user);
        return email;
    }

    private async Task ExpectNoAccessibilityViolationsAsync(string page)
    {
        var violations = await Accessibility.ViolationsAsync(Page);
        Assert.True(violations.Count == 0, $"{page}:\n{string.Join("\n", violations)}");
    }

    [Fact]
    public async Task An_admin_drafts_a_change_a_second_admin_approves_and_publishes_it_and_only_new_plans_use_it()
    {
        var shell = new AppShell(Page);
        var before = await Patients.NewAsync(App);
        var sentBefore = await Patients.StorePlanAsync(App, before.Id, MildRollingScars());
        var secondAdmin = await NewSecondAdminAsync();

        // The first admin starts a draft from the published version.
        await new LoginPage(Page).SignInAsync(DevelopmentAccounts.AdminAccount.Email, DevelopmentAccounts.AdminAccount.Password);
        await Page.GotoAsync("admin");
        await shell.WaitUntilInteractiveAsync();
        await ExpectNoAccessibilityViolationsAsync("/admin");
        await Page.GotoAsync("admin/rules");
        await shell.WaitUntilInteractiveAsync();
        await ExpectNoAccessibilityViolationsAsync("/admin/rules");
        await Page.GetByLabel("What you mean to change (optional)").FillAsync("One more session for acne scars");
        await Page.ClickAsync("#new-draft");
        await Expect(shell.Heading).ToContainTextAsync("Treatment rules version 2");
        await shell.WaitUntilInteractiveAsync();

        // A minimum above the maximum is refused beside its field, and the draft cannot be sent for approval.
        await Page.Locator(".mud-expand-panel-header", new() { HasText = "Sessions, intervals and maintenance per concern" }).ClickAsync();
        var minimum = Page.Locator(Field($"concerns[{AcneScars}].sessions.min"));
        await minimum.FillAsync("7");
        await minimum.BlurAsync();
        await Expect(Page.Locator(Field($"concerns[{AcneScars}].sessions.max"))).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("7"));
        await Expect(Page.Locator("#rule-summary")).ToContainTextAsync("to fix before this draft can be published");
        await Expect(Page.Locator("#request-approval")).ToBeDisabledAsync();
        await ExpectNoAccessibilityViolationsAsync("/admin/rules/2 with a problem shown");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("rules-draft-invalid"), FullPage = true });

        // Fixed: sessions 4 to 6, default 5.
        await minimum.FillAsync("4");
        var @default = Page.Locator(Field($"concerns[{AcneScars}].sessions.default"));
        await @default.FillAsync("5");
        await @default.BlurAsync();
        await Expect(Page.Locator("#rule-summary")).ToContainTextAsync("No problems");
        await Expect(Page.Locator(".rule-diff")).ToContainTextAsync("Acne scars: sessions 3");
        await Page.GetByLabel("Change note (shown in the history)").FillAsync("Acne scars: at least 4 sessions, 5 by default");
        await Page.ClickAsync("#save-draft");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 2 saved" })).ToBeVisibleAsync();

        // The impact on the plans already sent, before anything is published.
        await Page.ClickAsync("#preview-impact");
        await Expect(Page.Locator(".impact-summary")).ToContainTextAsync("would get one more session");
        await ExpectNoAccessibilityViolationsAsync("/admin/rules/2 with the impact preview");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("rules-impact"), FullPage = true });

        await Page.ClickAsync("#request-approval");
        await Expect(Page.GetByText("Waiting for approval")).ToBeVisibleAsync();
        await Expect(Page.Locator("#publish")).ToHaveCountAsync(0);

        // A second admin approves and publishes.
        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(secondAdmin, Patients.Password);
        await Page.GotoAsync("admin/rules/2");
        await shell.WaitUntilInteractiveAsync();
        await Page.ClickAsync("#approve");
        await Expect(Page.GetByText("Approved by")).ToBeVisibleAsync();
        await Page.ClickAsync("#publish");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Version 2 is published" })).ToBeVisibleAsync();
        await Page.GotoAsync("admin/rules");
        await Expect(Page.Locator(".rules-history li").First).ToContainTextAsync($"Version 2, published");
        await Expect(Page.Locator(".rules-history li").First).ToContainTextAsync($"approved by {secondAdmin}");
        await ExpectNoAccessibilityViolationsAsync("/admin/rules after publishing");

        // Every step is in the audit log, which is an admin page too.
        await Page.GotoAsync("admin/audit");
        await shell.WaitUntilInteractiveAsync();
        await Expect(Page.GetByText("Published treatment rules").First).ToBeVisibleAsync();
        await ExpectNoAccessibilityViolationsAsync("/admin/audit");

        // A new patient's plan uses version 2; the plan sent before keeps version 1.
        var after = await Patients.NewAsync(App);
        var sentAfter = await Patients.StorePlanAsync(App, after.Id, MildRollingScars());
        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(after.Email!, Patients.Password);
        await Page.GotoAsync($"my-plans/{sentAfter}");
        await Expect(new PlanPage(Page).RulesVersion).ToContainTextAsync("Made with treatment rules version 2");
        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(before.Email!, Patients.Password);
        await Page.GotoAsync($"my-plans/{sentBefore}");
        await Expect(new PlanPage(Page).RulesVersion).ToContainTextAsync("Made with treatment rules version 1");
    }
}
