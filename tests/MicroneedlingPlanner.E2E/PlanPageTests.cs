using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

public sealed class PlanPageTests(BrowserFixture app) : BrowserTest(app)
{
    private const string Password = "Correct-Horse-42!";

    [Fact]
    public async Task A_sent_plan_opened_by_its_address_is_read_once_and_its_view_logged_once()
    {
        var patient = await NewPatientAsync();
        var planId = await StorePlanAsync(patient.Id);
        await new LoginPage(Page).SignInAsync(patient.Email!, Password);

        await Page.GotoAsync($"my-plans/{planId}");
        await new AppShell(Page).WaitUntilInteractiveAsync();
        await Expect(Page.Locator(".schedule tbody tr").First).ToBeVisibleAsync();
        // The live page is up: a second read would have logged a second view by now; withdrawing
        // (a click over the circuit) proves the page kept working on the handed-over plan.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this plan" }).ClickAsync();
        await Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(Page.Locator(".status-badge")).ToHaveTextAsync("Withdrawn");

        await using var db = await App.Factory.CreateDbContextAsync();
        var views = await db.AuditEntries.CountAsync(e => e.PlanId == planId && e.Action == AuditActions.Viewed);
        Assert.Equal(1, views);
    }

    private async Task<ApplicationUser> NewPatientAsync()
    {
        using var scope = App.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"patient-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Patient)).Succeeded);
        return user;
    }

    private async Task<Guid> StorePlanAsync(string patientId)
    {
        var drafts = App.Factory.Services.GetRequiredService<DraftStore>();
        var (token, _) = await drafts.StartAsync(SampleAnswers.LowRisk(DateOnly.FromDateTime(DateTime.Today).AddDays(20), Concern.Texture), 5);
        var result = await App.Factory.Services.GetRequiredService<PatientPlans>()
            .SubmitDraftAsync(patientId, token, new SubmissionDetails(true, ContactPreference.Email, null));
        return Assert.IsType<SubmitResult.Stored>(result).PlanId;
    }
}
