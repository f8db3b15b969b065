using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Components.Tests.Plans;

/// <summary>A sent plan read long after it was sent: the plan's own clock is the app's; the reader's day is moved on.</summary>
public sealed class MaintenanceDueTests(ComponentsApp app) : ComponentTest(app, (services, _) =>
{
    var later = new TestClock(app.Clock.Now);
    services.AddSingleton(later);
    services.AddSingleton(new ClinicClock(later, Options.Create(new ClinicOptions())));
})
{
    [Fact]
    public async Task Once_the_first_window_has_closed_maintenance_due_shows_the_next()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SamplePlans.Rich(Today.AddDays(10)));
        var windows = (await Plans.GetAsync(patient, sent.PlanId, action: null, TestContext.Current.CancellationToken))!.Plan.Maintenance.Windows;
        Services.GetRequiredService<TestClock>().Advance(TimeSpan.FromDays(windows[0].End.DayNumber - Today.DayNumber + 1));

        var page = Render<MyPlan>(p => p.Add(m => m.Id, sent.PlanId));
        await page.WaitForElementAsync(".plan-summary");

        var due = page.FindAll(".summary-grid > div").Single(d => d.QuerySelector("dt")!.Text() == "Maintenance due");
        Assert.Equal(PlanWording.Range(windows[1].Start, windows[1].End), due.QuerySelector(".big-date")!.Text());
    }
}
