using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

public sealed class PlanPageTests(BrowserFixture app) : BrowserTest(app)
{
    [Fact]
    public async Task A_sent_plan_opened_by_its_address_is_read_once_and_its_view_logged_once()
    {
        var patient = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, patient.Id);
        await new LoginPage(Page).SignInAsync(patient.Email!, Patients.Password);

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

    [Fact]
    public async Task The_longest_plan_a_patient_can_get_still_opens_as_a_live_page()
    {
        // Every concern, medicine and condition: the most flags, advice, adjuncts and citations, so
        // the largest state handed from prerendering to the circuit.
        var everything = SampleAnswers.AcneScars(DateOnly.FromDateTime(DateTime.Today).AddDays(20)) with
        {
            Concerns = Enum.GetValues<Concern>(),
            AcneScarTypes = Enum.GetValues<AcneScarType>(),
            Medications = Enum.GetValues<Medication>(),
            Conditions = Enum.GetValues<Condition>(),
            Smoking = Smoking.Daily,
            Alcohol = Alcohol.Heavy,
            SleepAndNutrition = SleepAndNutrition.Poor,
            UsedHomeDevice = true,
            FitzpatrickType = 6,
            Age = 70,
        };
        var patient = await Patients.NewAsync(App);
        var planId = await Patients.StorePlanAsync(App, patient.Id, everything);
        await new LoginPage(Page).SignInAsync(patient.Email!, Patients.Password);

        await Page.GotoAsync($"my-plans/{planId}");

        await new AppShell(Page).WaitUntilInteractiveAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Withdraw this plan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
    }
}
