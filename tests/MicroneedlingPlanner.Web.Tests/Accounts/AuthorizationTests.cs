using System.Net;
using MicroneedlingPlanner.Web.Features.Accounts;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

[Collection(AuthorizationOnPostgres.Name)]
public sealed class AuthorizationTests(PostgresAppFixture app)
{
    public static readonly TheoryData<string> RestrictedPages = ["/staff", "/admin", "/staff/recalls", "/admin/audit", "/admin/users", "/Account/Manage/EnableAuthenticator", "/staff/recalls/export.csv?from=2026-01-01&to=2027-01-01", "/admin/rules", "/admin/rules/1", "/admin/rules/1/export.json"];

    [Theory]
    [MemberData(nameof(RestrictedPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string page)
    {
        var response = await app.Factory.NewClient().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(Roles.Patient, "/staff", false)]
    [InlineData(Roles.Patient, "/admin", false)]
    [InlineData(Roles.Staff, "/staff", true)]
    [InlineData(Roles.Staff, "/admin", false)]
    [InlineData(Roles.Admin, "/staff", true)]
    [InlineData(Roles.Admin, "/admin", true)]
    [InlineData(Roles.Patient, "/staff/recalls", false)]
    [InlineData(Roles.Patient, "/admin/audit", false)]
    [InlineData(Roles.Patient, "/staff/recalls/export.csv?from=2026-01-01&to=2027-01-01", false)]
    [InlineData(Roles.Staff, "/staff/recalls", true)]
    [InlineData(Roles.Staff, "/admin/audit", false)]
    [InlineData(Roles.Staff, "/staff/recalls/export.csv?from=2026-01-01&to=2027-01-01", true)]
    [InlineData(Roles.Admin, "/staff/recalls", true)]
    [InlineData(Roles.Admin, "/admin/audit", true)]
    [InlineData(Roles.Patient, "/admin/rules", false)]
    [InlineData(Roles.Staff, "/admin/rules", false)]
    [InlineData(Roles.Staff, "/admin/rules/1", false)]
    [InlineData(Roles.Staff, "/admin/rules/1/export.json", false)]
    [InlineData(Roles.Admin, "/admin/rules", true)]
    [InlineData(Roles.Admin, "/admin/rules/1", true)]
    [InlineData(Roles.Admin, "/admin/rules/1/export.json", true)]
    [InlineData(Roles.Patient, "/admin/users", false)]
    [InlineData(Roles.Staff, "/admin/users", false)]
    [InlineData(Roles.Admin, "/admin/users", true)]
    public async Task Each_role_reaches_only_its_own_areas(string role, string page, bool allowed)
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(await app.Factory.CreateConfirmedUserAsync(role, Forms.StrongPassword), Forms.StrongPassword);

        var response = await client.GetAsync(page);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_seeded_development_staff_account_can_sign_in_and_open_the_staff_area()
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(DevelopmentAccounts.StaffAccount.Email, DevelopmentAccounts.StaffAccount.Password);

        var html = await client.GetStringAsync("/staff");

        Assert.Contains("<h1>Staff area</h1>", html, StringComparison.Ordinal);
    }
}
