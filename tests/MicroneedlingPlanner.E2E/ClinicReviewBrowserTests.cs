using System.Globalization;
using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>Staff review a sent plan and propose a change; the patient sees it, never the note, accepts it and gets the new dates.</summary>
public sealed class ClinicReviewBrowserTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task Staff_propose_a_change_with_a_reason_and_a_note_and_the_patient_sees_only_the_change_and_accepts_it()
    {
        var patient = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, patient.Id);
        var note = "Check the isotretinoin stop date at the consultation.";
        var newStart = DateOnly.FromDateTime(DateTime.Today).AddDays(35);

        // Staff.
        var shell = new AppShell(Page);
        await new LoginPage(Page).SignInAsync(DevelopmentAccounts.StaffAccount.Email, DevelopmentAccounts.StaffAccount.Password);
        string reference;
        await using (var db = await App.Factory.CreateDbContextAsync())
        {
            reference = await db.SubmittedPlans.Where(p => p.Id == planId).Select(p => p.Reference).SingleAsync();
        }

        // From the queue: filter to this plan by its reference, then open it.
        await Page.GotoAsync("staff");
        await shell.WaitUntilInteractiveAsync();
        await Page.GetByLabel("Reference (MP-…) or patient name").FillAsync(reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator(".queue-grid tbody tr")).ToHaveCountAsync(1);
        await Page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/staff/plans/{planId}$"));
        await shell.WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Take into review" }).ClickAsync();
        await Expect(Page.Locator(".status-badge")).ToHaveTextAsync("In review");
        foreach (var check in new[] { "Screening answers read", "Contraindications checked", "Consent on file" })
        {
            await Page.GetByLabel(check).CheckAsync();
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save checklist" }).ClickAsync();
        await Expect(Page.GetByText("Checklist saved.")).ToBeVisibleAsync();

        await Page.Locator("#startDate").FillAsync(newStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.Locator("#startDate").PressAsync("Tab");
        await Page.Locator("#startDate-reason").FillAsync("The clinic has no appointments in the week you chose.");
        await Page.Locator("#startDate-reason").PressAsync("Tab");
        await Page.Locator("#note").FillAsync(note);
        await Page.Locator("#note").PressAsync("Tab");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add internal note" }).ClickAsync();
        await Expect(Page.Locator(".history")).ToContainTextAsync(note);
        await Page.Locator("#message").FillAsync("We moved your first session by a few weeks. Call us if the new date does not suit you.");
        await Page.Locator("#message").PressAsync("Tab");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("review-page-1280"), FullPage = true });
        var violations = new List<string>();
        async Task CheckAsync(IPage page, string where) => violations.AddRange((await Accessibility.ViolationsAsync(page)).Select(v => $"{where}: {v}"));
        await CheckAsync(Page, "review page at 1280 px");
        await Page.SetViewportSizeAsync(360, 740);
        await Page.Locator("section[aria-labelledby='propose-heading']").ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("review-decision-360") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Propose these changes to the patient" }).ClickAsync();
        await Expect(Page.Locator(".status-badge")).ToHaveTextAsync("Changes proposed");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("review-page-360"), FullPage = true });
        await CheckAsync(Page, "review page with a proposal at 360 px");
        await Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("review-page-360-top") });
        await Page.Locator("section[aria-labelledby='history-heading']").ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("review-history-360") });
        // Nothing is wider than the phone's screen.
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));

        await using (var db = await App.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.PlanId == planId && e.Action == AuditActions.StaffViewed));
        }

        // The patient, in another browser.
        await using var patientContext = await BrowserContexts.NewAsync(App.Browser, App.BaseAddress);
        var patientPage = await patientContext.NewPageAsync();
        await new LoginPage(patientPage).SignInAsync(patient.Email!, Patients.Password);
        await patientPage.GotoAsync($"my-plans/{planId}");
        await new AppShell(patientPage).WaitUntilInteractiveAsync();
        await Expect(patientPage.Locator("#changes-heading")).ToHaveTextAsync("The clinic proposes changes to your plan");
        await Expect(patientPage.Locator(".changes-table")).ToContainTextAsync("The clinic has no appointments in the week you chose.");
        await Expect(patientPage.GetByText(note)).ToHaveCountAsync(0);
        await patientPage.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("patient-changes-1280"), FullPage = true });
        await CheckAsync(patientPage, "patient's proposed changes at 1280 px");
        await patientPage.SetViewportSizeAsync(360, 740);
        await patientPage.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("patient-changes-360"), FullPage = true });
        await patientPage.Locator(".plan-changes").ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("patient-changes-360-section") });
        Assert.True(await patientPage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await CheckAsync(patientPage, "patient's proposed changes at 360 px");
        Assert.Empty(violations);

        await patientPage.GetByRole(AriaRole.Button, new() { Name = "Accept the proposed changes" }).ClickAsync();
        await patientPage.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(patientPage.Locator(".status-badge")).ToHaveTextAsync("Accepted");

        var download = await patientPage.RunAndWaitForDownloadAsync(() =>
            patientPage.GetByRole(AriaRole.Button, new() { Name = "Add the dates to my calendar (.ics)" }).ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"DTSTART;VALUE=DATE:{newStart:yyyyMMdd}", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_browsers_save_of_the_same_plan_is_refused_and_overwrites_nothing()
    {
        var patient = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, patient.Id);

        async Task<IPage> OpenAsStaffAsync(IBrowserContext context)
        {
            var page = await context.NewPageAsync();
            await new LoginPage(page).SignInAsync(DevelopmentAccounts.StaffAccount.Email, DevelopmentAccounts.StaffAccount.Password);
            await page.GotoAsync($"staff/plans/{planId}");
            await new AppShell(page).WaitUntilInteractiveAsync();
            return page;
        }

        var first = await OpenAsStaffAsync(Page.Context);
        await using var otherContext = await BrowserContexts.NewAsync(App.Browser, App.BaseAddress);
        var second = await OpenAsStaffAsync(otherContext);

        await first.GetByRole(AriaRole.Button, new() { Name = "Take into review" }).ClickAsync();
        await Expect(first.Locator(".status-badge")).ToHaveTextAsync("In review");

        // The second browser still shows the plan as it was read, and tries the same move.
        await second.GetByRole(AriaRole.Button, new() { Name = "Take into review" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else saved this plan after you opened it");
        await second.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath("review-second-save-refused"), FullPage = false });

        await using var db = await App.Factory.CreateDbContextAsync();
        var events = await db.PlanEvents.CountAsync(e => e.PlanId == planId);
        Assert.Equal(1, events);
    }
}
