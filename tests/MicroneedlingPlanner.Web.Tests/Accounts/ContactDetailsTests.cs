using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>"Your account" changes the name and phone the clinic uses, as a browser without script posts the form.</summary>
[Collection(AccountsOnPostgres.Name)]
public sealed partial class ContactDetailsTests(PostgresAppFixture app)
{
    /// <summary>Posts the "Your details" form of the account page (the page has three forms), with its hidden fields.</summary>
    private static async Task<HttpResponseMessage> PostDetailsAsync(HttpClient client, string name, string phone)
    {
        var html = await client.GetStringAsync("/Account/Manage");
        var form = FormTag().Matches(html).Select(m => m.Value).Single(f => f.Contains("value=\"contact-details\"", StringComparison.Ordinal));
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Details.PreferredName"] = name;
        fields["Details.ContactPhone"] = phone;
        return await client.PostAsync("/Account/Manage", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Bad_details_are_refused_beside_their_fields_keeping_what_was_typed_and_good_ones_are_saved()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var client = app.Factory.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);

        var refused = await PostDetailsAsync(client, "  ", "12 34");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Please enter the name the clinic should use for you.", html, StringComparison.Ordinal);
        Assert.Contains("with 7 to 15 digits, or leave it empty", html, StringComparison.Ordinal);
        Assert.Matches("id=\"contact-phone\"[^>]*value=\"12 34\"", html);
        Assert.Matches("id=\"preferred-name\"[^>]*aria-invalid=\"true\"", html);

        var saved = await PostDetailsAsync(client, "Sam Okafor", "020 7946 0958");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        var plans = scope.ServiceProvider.GetRequiredService<PatientPlans>();
        Assert.Equal(new PatientContact("Sam Okafor", "020 7946 0958"), await plans.GetContactAsync(user!.Id, TestContext.Current.CancellationToken));
        var page = await client.GetStringAsync("/Account/Manage");
        Assert.Matches("id=\"preferred-name\"[^>]*value=\"Sam Okafor\"", page);
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormTag();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}
