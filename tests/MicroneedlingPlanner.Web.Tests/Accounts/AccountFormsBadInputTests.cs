using System.Net;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>
/// The account forms, posted as a browser without script would, with each hostile text in every
/// field: the answer is the form again with a message (or the page the form leads to), never a
/// 500; the markup comes back escaped; the email and details typed are kept and passwords are not.
/// </summary>
[Collection(AccountsOnPostgres.Name)]
public sealed partial class AccountFormsBadInputTests(PostgresAppFixture app)
{
    /// <summary>By position: lone surrogates and NUL do not survive as test-case names.</summary>
    public static TheoryData<int> Texts => [.. Enumerable.Range(0, HostileInput.All.Count)];

    private static string Text(int index) => HostileInput.All[index];

    /// <summary>What the server reads back from a form post: the client sends lone surrogates as U+FFFD.</summary>
    private static string AsPosted(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// A form post holding NUL (%00) is refused by ASP.NET Core's antiforgery check with a 400 before
    /// the page runs (no browser can type NUL into a text box); everything else reaches the form.
    /// </summary>
    private static async Task<string> AssertFormAnsweredAsync(HttpResponseMessage response, string what, string text)
    {
        var html = await response.Content.ReadAsStringAsync();
        var expected = text.Contains('\0', StringComparison.Ordinal) ? [HttpStatusCode.BadRequest] : new[] { HttpStatusCode.OK, HttpStatusCode.Redirect };
        Assert.True(expected.Contains(response.StatusCode), $"{what}: {(int)response.StatusCode}\n{html}");
        Assert.Null(HostileInput.ReflectedMarkup(html));
        return html;
    }

    /// <summary>The decoded value attribute of the input with this id, or null when it has none.</summary>
    private static string? ValueOf(string html, string id) =>
        Regex.Match(html, $"<input[^>]*id=\"{id}\"[^>]*>") is { Success: true } input && ValueAttribute().Match(input.Value) is { Success: true } value
            ? WebUtility.HtmlDecode(value.Groups["value"].Value)
            : null;

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Registration_with_hostile_text_answers_beside_the_fields_keeping_the_email_and_never_the_password(int index)
    {
        var text = Text(index);
        var password = $"{text}-long-enough-passphrase";
        foreach (var email in new[] { text, $"{text}@planner.test" })
        {
            var client = app.Factory.NewClient();

            var response = await client.SubmitAsync("/Account/Register", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
            });

            var html = await AssertFormAnsweredAsync(response, $"register {email}", text);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Matches("field-error|role=\"alert\"", html);
                Assert.Equal(AsPosted(email), ValueOf(html, "email"));

                Assert.Null(ValueOf(html, "password"));
                Assert.Null(ValueOf(html, "confirm-password"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Sign_in_and_password_reset_requests_with_hostile_text_never_fail(int index)
    {
        var text = Text(index);
        var client = app.Factory.NewClient();

        var login = await client.SubmitAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = $"{text}@planner.test", ["Input.Password"] = text });
        var html = await AssertFormAnsweredAsync(login, "sign in", text);
                Assert.Null(ValueOf(html, "password"));

        var forgot = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = text });
        await AssertFormAnsweredAsync(forgot, "forgot password", text);

        var reset = await client.SubmitAsync("/Account/ResetPassword?code=" + Uri.EscapeDataString(AsPosted(text)), new Dictionary<string, string>
        {
            ["Input.Email"] = $"{text}@planner.test",
            ["Input.Password"] = text + "-long-enough-passphrase",
            ["Input.ConfirmPassword"] = text + "-long-enough-passphrase",
        });
        await AssertFormAnsweredAsync(reset, "reset password", text);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Contact_details_with_hostile_text_are_refused_or_saved_never_a_500(int index)
    {
        var text = Text(index);
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var client = app.Factory.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);

        var response = await client.SubmitFormAsync("/Account/Manage", "contact-details", new Dictionary<string, string>
        {
            ["Details.PreferredName"] = text,
            ["Details.ContactPhone"] = $"020 7946 0958 {text}",
        });

        var html = await AssertFormAnsweredAsync(response, "contact details", text);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Contains("field-error", html, StringComparison.Ordinal);
            Assert.Equal(AsPosted($"020 7946 0958 {text}"), ValueOf(html, "contact-phone"));
        }
        else if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var saved = await client.GetStringAsync("/Account/Manage");
            Assert.Equal(AsPosted(text).Trim(), ValueOf(saved, "preferred-name"));
        }
    }

    /// <summary>The interactive send page reaches the same check over the circuit, where NUL does arrive; PostgreSQL text cannot hold it.</summary>
    [Theory]
    [InlineData("Sam\u0000Okafor", "020 7946 0958", "preferredName")]
    [InlineData("Sam Okafor", "020 7946\u0000 0958", "contactPhone")]
    public async Task A_name_or_phone_with_control_characters_is_named_not_stored(string name, string phone, string field)
    {
        var (_, id) = await app.Factory.CreatePrincipalAsync(Roles.Patient);
        using var scope = app.Factory.Services.CreateScope();

        var problems = await scope.ServiceProvider.GetRequiredService<PatientPlans>().UpdateContactAsync(id, new PatientContact(name, phone), TestContext.Current.CancellationToken);

        Assert.Equal(field, Assert.Single(problems).Field);
    }

    [GeneratedRegex("value=\"(?<value>[^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
