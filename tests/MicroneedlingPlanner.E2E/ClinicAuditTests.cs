using System.Globalization;
using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>
/// Staff find a patient due for maintenance and open their contact details; the CSV holds the
/// row; an admin finds the look in the audit log; the patient sees it in My plans. Pictures of
/// each page at 1280 and 360 pixels go to test-artifacts/screenshots.
/// </summary>
public sealed class ClinicAuditTests(BrowserFixture app) : BrowserTest(app)
{
    private readonly List<string> violations = [];

    /// <summary>Pictures at 1280 and 360 px, and axe-core at both widths.</summary>
    private async Task ShootAsync(string name)
    {
        await Page.SetViewportSizeAsync(1280, 900);
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath(name), FullPage = true });
        violations.AddRange((await Accessibility.ViolationsAsync(Page)).Select(v => $"{name} at 1280 px: {v}"));
        await Page.SetViewportSizeAsync(360, 740);
        await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath(name + "-phone"), FullPage = true });
        violations.AddRange((await Accessibility.ViolationsAsync(Page)).Select(v => $"{name} at 360 px: {v}"));
        await Page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task Staff_recall_a_patient_the_look_is_audited_and_the_patient_sees_it()
    {
        var patient = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, patient.Id, SampleAnswers.AcneScars(DateOnly.FromDateTime(DateTime.Today).AddDays(20)));
        string reference;
        DateOnly opens;
        await using (var db = await App.Factory.CreateDbContextAsync())
        {
            reference = await db.SubmittedPlans.Where(p => p.Id == planId).Select(p => p.Reference).SingleAsync();
            opens = await db.MaintenanceWindows.Where(w => w.PlanId == planId && w.Number == 1).Select(w => w.Start).SingleAsync();
        }

        var day = opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var shell = new AppShell(Page);

        // Staff: the recall list for the day the window opens, then the patient's contact details.
        await new LoginPage(Page).SignInAsync(DevelopmentAccounts.StaffAccount.Email, DevelopmentAccounts.StaffAccount.Password);
        await Page.GotoAsync("staff/recalls");
        await shell.WaitUntilInteractiveAsync();
        await Page.Locator("#recall-from").FillAsync(day);
        await Page.Locator("#recall-to").FillAsync(day);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Contact or update plan {reference}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show contact details (recorded in the audit log)" }).ClickAsync();
        await Expect(Page.Locator("dl.contact-details")).ToContainTextAsync(patient.Email!);
        await ShootAsync("staff-recalls");

        var csv = await Page.APIRequest.GetAsync($"staff/recalls/export.csv?from={day}&to={day}");
        Assert.True(csv.Ok);
        Assert.Contains(reference, await csv.TextAsync(), StringComparison.Ordinal);
        await using (var db = await App.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanId == planId && a.Action == AuditActions.ContactDetailsViewed));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanId == planId && a.Action == AuditActions.RecallsExported));
        }

        // Admin: the looks at this plan in the audit log.
        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(DevelopmentAccounts.AdminAccount.Email, DevelopmentAccounts.AdminAccount.Password);
        await Page.GotoAsync("admin/audit");
        await shell.WaitUntilInteractiveAsync();
        await Page.Locator("#audit-patient").FillAsync(reference);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        // Other tests' plans may share the export and fill the unfiltered log: wait until only this plan's entries are left.
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Exported the recall list" })).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Opened the contact details" })).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Cell, new() { Name = "Sent the plan" })).ToHaveCountAsync(1);
        await ShootAsync("admin-audit");

        // The patient: who at the clinic looked, by role.
        await Page.Context.ClearCookiesAsync();
        await new LoginPage(Page).SignInAsync(patient.Email!, Patients.Password);
        await Page.GotoAsync("my-plans");
        await Expect(Page.Locator(".clinic-looks-list")).ToContainTextAsync($"A member of the clinic's staff opened contact details for plan {reference}");
        await Expect(Page.Locator(".clinic-looks")).Not.ToContainTextAsync(DevelopmentAccounts.StaffAccount.Email);
        await ShootAsync("patient-clinic-looks");

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
