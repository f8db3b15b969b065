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
    [InlineData("abcdefghijkl")] // exactly 12
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
}
