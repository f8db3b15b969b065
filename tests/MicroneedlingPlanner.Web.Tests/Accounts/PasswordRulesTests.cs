using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>Issue 12, item 2 (passwords, first part): length counts, composition does not.</summary>
[Collection(AccountsOnPostgres.Name)]
public sealed class PasswordRulesTests(PostgresAppFixture app)
{
    private async Task<IdentityResult> CreateAsync(string password)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"pw-{Guid.NewGuid():N}@planner.test";
        return await users.CreateAsync(new ApplicationUser { UserName = email, Email = email }, password);
    }

    [Theory]
    [InlineData("correct horse battery staple and a quiet pond")] // 45 characters, lower case and spaces only
    [InlineData("amber-otter!")] // exactly 12
    [InlineData("ÄÖÜ ßæø 日本語 حروف")] // letters of several scripts, no digit or symbol
    public async Task A_long_enough_password_is_accepted_whatever_characters_it_uses(string password)
    {
        var result = await CreateAsync(password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task A_passphrase_of_sixty_four_and_more_characters_is_accepted()
    {
        Assert.True((await CreateAsync(new string('w', 64))).Succeeded);
        Assert.True((await CreateAsync(string.Join(' ', Enumerable.Repeat("meadow", 36)))).Succeeded);
    }

    [Fact]
    public async Task Eleven_characters_are_refused_with_the_length_named()
    {
        var result = await CreateAsync("Abc-123-xyz");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.Equal(12, PasswordRules.MinimumLength);
    }

    [Fact]
    public void The_shipped_list_holds_at_least_100_000_common_or_breached_passwords()
    {
        var all = BreachedPasswordValidator.ReadAll().ToList();

        Assert.True(all.Count >= 100_000, $"The list has {all.Count} passwords.");
        Assert.Contains("123456", all);
    }

    [Theory]
    [InlineData("1qaz2wsx3edc")] // long enough, on the list
    [InlineData("QWERTY123456")] // on the list in lower case: case does not rescue it
    [InlineData("iloveyou1234")]
    public async Task A_password_on_the_list_is_refused_with_a_plain_reason(string password)
    {
        var result = await CreateAsync(password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(BreachedPasswordValidator.Code, error.Code);
        Assert.Equal(BreachedPasswordValidator.Message, error.Description);
    }

    [Fact]
    public async Task The_registration_form_says_why_a_listed_password_is_refused_and_keeps_the_email()
    {
        var email = $"listed-{Guid.NewGuid():N}@planner.test";
        var response = await app.Factory.NewClient().SubmitAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "iloveyou1234",
            ["Input.ConfirmPassword"] = "iloveyou1234",
        });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(BreachedPasswordValidator.Message), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microneedling2026!")]
    [InlineData("skin clinic planner 2026")]
    [InlineData("MyAcneScars-Clinic")]
    public async Task A_password_made_of_words_anyone_would_guess_here_is_refused(string password)
    {
        var result = await CreateAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == ContextWordsValidator.Code && e.Description == ContextWordsValidator.Message);
    }

    [Fact]
    public async Task A_passphrase_that_merely_holds_such_a_word_is_accepted()
    {
        Assert.True((await CreateAsync("acne scars are hard to live with")).Succeeded);
    }

    [Fact]
    public async Task The_email_address_and_the_clinics_own_words_count_as_context()
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"jane.harbour-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email };

        var result = await users.CreateAsync(user, "JaneHarbour2026");

        Assert.Contains(result.Errors, e => e.Code == ContextWordsValidator.Code);
        Assert.True(ContextWordsValidator.IsMostlyContext("Riverside Aesthetics 1", [.. ContextWordsValidator.BuiltIn, "riverside", "aesthetics"]));
        Assert.False(ContextWordsValidator.IsMostlyContext("Riverside Aesthetics 1", ContextWordsValidator.BuiltIn));
    }
}
