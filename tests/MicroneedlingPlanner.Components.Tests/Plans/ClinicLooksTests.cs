using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Recalls;

namespace MicroneedlingPlanner.Components.Tests.Plans;

/// <summary>My plans tells the patient who at the clinic looked at their data, by role, never by the staff member's email.</summary>
public sealed class ClinicLooksTests(ComponentsApp app) : ComponentTest(app)
{
    [Fact]
    public async Task The_patient_sees_which_role_looked_at_what_and_when_but_not_their_own_views()
    {
        var patient = await SignInAsPatientAsync();
        var sent = await SendAsync(patient, SampleAnswers.AcneScars(Today.AddDays(10)));
        await Plans.GetAsync(patient, sent.PlanId, cancellationToken: TestContext.Current.CancellationToken);
        var staff = await CreateUserAsync(Roles.Admin);
        await AppService<RecallList>().ContactDetailsAsync(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, staff.Id), new Claim(ClaimTypes.Role, Roles.Admin), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test")),
            sent.PlanId, TestContext.Current.CancellationToken);

        var page = Render<MyPlans>();
        await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll(".clinic-looks-list li")));

        var look = Assert.Single(page.FindAll(".clinic-looks-list li"));
        Assert.Contains($"A clinic administrator opened contact details for plan {sent.Reference}", look.TextContent, StringComparison.Ordinal);
        Assert.Contains(Today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), look.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.Email!, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_anyone_looks_the_patient_is_told_so()
    {
        var patient = await SignInAsPatientAsync();
        await SendAsync(patient, SampleAnswers.AcneScars(Today.AddDays(10)));

        var page = Render<MyPlans>();

        await page.WaitForAssertionAsync(() => Assert.Contains("No one at the clinic has looked at them yet.", page.Markup, StringComparison.Ordinal));
    }
}
