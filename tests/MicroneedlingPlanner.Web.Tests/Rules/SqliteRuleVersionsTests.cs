using System.Security.Claims;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Rules;

/// <summary>The embedded default database: version 1 seeded, and a publish that retires it under SQLite's filtered unique index.</summary>
[Collection(RulesOnSqlite.Name)]
public sealed class SqliteRuleVersionsTests(SqliteAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<ClaimsPrincipal> NewAdminAsync() => (await app.Factory.CreatePrincipalAsync(Roles.Admin)).Principal;

    [Fact]
    public async Task A_draft_approved_by_a_second_admin_is_published_and_version_1_retired()
    {
        var versions = app.Factory.Services.GetRequiredService<RuleVersions>();
        var published = app.Factory.Services.GetRequiredService<PublishedRules>();
        var author = await NewAdminAsync();
        var second = await NewAdminAsync();
        Assert.Equal(1, published.Number);

        var number = Assert.IsType<RuleResult.Done>(await versions.CreateDraftAsync(author, 1, "SQLite", Cancel)).Number;
        var requested = Assert.IsType<RuleResult.Done>(await versions.RequestApprovalAsync(author, number, (await versions.GetAsync(author, number, Cancel))!.Revision, Cancel));
        var approved = Assert.IsType<RuleResult.Done>(await versions.ApproveAsync(second, number, requested.Revision, Cancel));
        Assert.IsType<RuleResult.Done>(await versions.PublishAsync(second, number, approved.Revision, Cancel));

        Assert.Equal(number, published.Number);
        Assert.Equal(RuleVersionState.Retired, (await versions.GetAsync(author, 1, Cancel))!.State);
        var rolled = Assert.IsType<RuleResult.Done>(await versions.RollbackAsync(author, 1, null, Cancel));
        Assert.Equal(rolled.Number, published.Number);
    }
}
