using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Tests.Startup;

/// <summary>
/// Issue 13, item 1 (shared keys): two app instances on one PostgreSQL database share the Data
/// Protection key ring stored in it, so a sign-in cookie and an antiforgery token issued by one
/// instance work on the other.
/// </summary>
public sealed class SharedKeysTests(PostgresServer server) : IAsyncLifetime
{
    private string connection = default!;
    private PlannerAppFactory first = default!;
    private PlannerAppFactory second = default!;

    public async ValueTask InitializeAsync()
    {
        connection = await server.CreateDatabaseAsync("sharedkeys");
        first = new PlannerAppFactory(DatabaseProvider.Postgres, connection);
        second = new PlannerAppFactory(DatabaseProvider.Postgres, connection);
    }

    public async ValueTask DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await server.DropDatabaseAsync(connection);
    }

    [Fact]
    public async Task A_sign_in_and_an_antiforgery_token_from_one_instance_work_on_the_other()
    {
        var email = await first.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var onFirst = first.NewClient();
        await onFirst.SignInAsync(email, Forms.StrongPassword);
        var page = await onFirst.GetAsync("/Account/Manage", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // Every cookie the first instance set (sign-in and antiforgery), as the browser would send them.
        var cookies = string.Join("; ", page.RequestMessage!.Headers.GetValues("Cookie"));
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var form = Regex.Match(html, """<form[^>]*>(?:(?!</form>).)*name="_handler" value="contact-details".*?</form>""", RegexOptions.Singleline).Value;
        var fields = Regex.Matches(form, """<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")
            .ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Details.PreferredName"] = "Sam on the second instance";

        var onSecond = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var read = new HttpRequestMessage(HttpMethod.Get, "/my-plans");
        read.Headers.Add("Cookie", cookies);
        var posted = new HttpRequestMessage(HttpMethod.Post, "/Account/Manage") { Content = new FormUrlEncodedContent(fields) };
        posted.Headers.Add("Cookie", cookies);

        Assert.Equal(HttpStatusCode.OK, (await onSecond.SendAsync(read, TestContext.Current.CancellationToken)).StatusCode);
        var saved = await onSecond.SendAsync(posted, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = await second.CreateDbContextAsync();
        Assert.Equal("Sam on the second instance", await db.Users.Where(u => u.Email == email).Select(u => u.PreferredName).SingleAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
    }
}
