using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

[Collection(AccountsOnPostgres.Name)]
public sealed class CreateAdminCommandTests(PostgresAppFixture app)
{
    [Fact]
    public async Task Creates_a_confirmed_admin_with_the_typed_password()
    {
        var email = $"ops-{Guid.NewGuid():N}@planner.test";
        var output = new StringWriter();

        var code = await CreateAdminCommand.RunAsync(app.Factory.Services, [CreateAdminCommand.Name, email], () => Forms.StrongPassword, output);

        Assert.Equal(0, code);
        Assert.Contains($"{email} is an admin.", output.ToString(), StringComparison.Ordinal);
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        Assert.True(user.EmailConfirmed);
        Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(user, Forms.StrongPassword));
    }

    [Fact]
    public async Task An_existing_account_becomes_admin_and_keeps_its_password()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);

        var code = await CreateAdminCommand.RunAsync(app.Factory.Services, [CreateAdminCommand.Name, email],
            () => throw new InvalidOperationException("no password should be asked for"), new StringWriter());

        Assert.Equal(0, code);
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.IsInRoleAsync(user, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(user, Forms.StrongPassword));
    }

    [Theory]
    [InlineData("not-an-email", "Correct-Horse-42!", 2, "Usage: create-admin EMAIL")]
    [InlineData("weak@planner.test", "short", 1, "The account was not created")]
    [InlineData("empty@planner.test", "", 1, "No password was given")]
    public async Task Refuses_bad_input_with_a_reason(string email, string password, int expectedCode, string expectedMessage)
    {
        var output = new StringWriter();

        var code = await CreateAdminCommand.RunAsync(app.Factory.Services, [CreateAdminCommand.Name, email], () => password, output);

        Assert.Equal(expectedCode, code);
        Assert.Contains(expectedMessage, output.ToString(), StringComparison.Ordinal);
        using var scope = app.Factory.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }
}
