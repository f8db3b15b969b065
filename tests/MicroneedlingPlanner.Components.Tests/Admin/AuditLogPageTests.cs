using Microsoft.AspNetCore.Components;
using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Pages.Admin;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Recalls;

namespace MicroneedlingPlanner.Components.Tests.Admin;

public sealed class AuditLogPageTests(ComponentsApp app) : ComponentTest(app)
{
    private static ClaimsPrincipal As(string id, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, role), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));

    [Fact]
    public async Task Admins_search_by_plan_reference_and_by_user()
    {
        var patient = await CreateUserAsync(Roles.Patient);
        var sent = await SendAsync(patient.Id, SampleAnswers.AcneScars(Today.AddDays(10)));
        var other = await SendAsync((await CreateUserAsync(Roles.Patient)).Id, SampleAnswers.AcneScars(Today.AddDays(10)));
        var staff = await CreateUserAsync(Roles.Staff);
        await AppService<RecallList>().ContactDetailsAsync(As(staff.Id, Roles.Staff), sent.PlanId, TestContext.Current.CancellationToken);
        SignIn(await CreateUserAsync(Roles.Admin), Roles.Admin);

        var page = Render<AuditLogPage>();
        await page.Find("#audit-patient").ChangeAsync(new ChangeEventArgs { Value = sent.Reference });
        await page.Find("form.audit-filters").SubmitAsync();

        await page.WaitForAssertionAsync(() => Assert.Contains(staff.Email!, page.Markup, StringComparison.Ordinal));
        Assert.Contains("Opened the contact details", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Sent the plan", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Reference, page.Markup, StringComparison.Ordinal);
        // The patient is named by the plan's reference, never by their email.
        Assert.DoesNotContain(patient.Email!, page.Markup, StringComparison.Ordinal);

        await page.Find("#audit-patient").ChangeAsync(new ChangeEventArgs { Value = "" });
        await page.Find("#audit-user").ChangeAsync(new ChangeEventArgs { Value = staff.Email![..12] });
        await page.Find("form.audit-filters").SubmitAsync();

        await page.WaitForAssertionAsync(() => Assert.DoesNotContain("Sent the plan", page.Markup, StringComparison.Ordinal));
        Assert.Single(page.FindAll("tbody tr.mud-table-row"));
    }

    [Fact]
    public async Task A_date_range_the_wrong_way_round_is_refused_in_words()
    {
        SignIn(await CreateUserAsync(Roles.Admin), Roles.Admin);
        var page = Render<AuditLogPage>();

        await page.Find("#audit-from").ChangeAsync(new ChangeEventArgs { Value = "2026-12-02" });
        await page.Find("#audit-to").ChangeAsync(new ChangeEventArgs { Value = "2026-12-01" });
        await page.Find("form.audit-filters").SubmitAsync();

        Assert.Contains("The first day comes after the last day", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }
}
