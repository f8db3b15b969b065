using System.Security.Claims;
using AngleSharp.Dom;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace MicroneedlingPlanner.Components.Tests.Admin.Rules;

/// <summary>
/// A draft's page: saving, the second of two admins refused without losing what they typed, and
/// a draft with problems kept from approval. Drafts are never published here: the app is shared
/// with every other component test, whose plans the published rules make.
/// </summary>
public sealed class RuleVersionPageTests(ComponentsApp app) : ComponentTest(app)
{
    private RuleVersions Versions => AppService<RuleVersions>();

    private static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Role, Roles.Admin), new(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));

    private async Task<(IRenderedComponent<RuleVersionPage> Page, int Number, ClaimsPrincipal Admin)> OpenDraftAsync()
    {
        var admin = await CreateUserAsync(Roles.Admin);
        SignIn(admin, Roles.Admin);
        var principal = Principal(admin);
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(principal, AppService<PublishedRules>().Number, "test", TestContext.Current.CancellationToken)).Number;
        var page = Render<RuleVersionPage>(p => p.Add(r => r.Number, number));
        await page.WaitForElementAsync("#rule-summary", TimeSpan.FromSeconds(15));
        return (page, number, principal);
    }

    private static async Task OpenRangesAsync(IRenderedComponent<RuleVersionPage> page)
    {
        var header = page.FindAll(".mud-expand-panel-header").Single(h => h.QuerySelector(".rule-section-title")!.Text() == "Sessions, intervals and maintenance per concern");
        await header.ClickAsync(new MouseEventArgs());
    }

    private static IElement Minimum(IRenderedComponent<RuleVersionPage> page) => page.Find("#rule-concerns-0-sessions-min");

    [Fact]
    public async Task A_draft_with_a_problem_can_be_saved_but_not_sent_for_approval()
    {
        var (page, number, admin) = await OpenDraftAsync();
        Assert.True(page.Find("#save-draft").HasAttribute("disabled"));
        await OpenRangesAsync(page);

        await Minimum(page).InputAsync(new ChangeEventArgs { Value = "7" });

        Assert.True(page.Find("#request-approval").HasAttribute("disabled"));
        Assert.Contains("Fix the problems marked below", page.Markup, StringComparison.Ordinal);
        var change = Assert.Single(page.FindAll(".rule-diff li")).TextContent;
        Assert.StartsWith("Acne scars: sessions 3–6 (default 4)", change, StringComparison.Ordinal);
        Assert.EndsWith("7–6 (default 4)", change, StringComparison.Ordinal);

        await page.Find("#save-draft").ClickAsync(new MouseEventArgs());

        Assert.Contains($"Version {number} saved", page.Find("[role=status]").TextContent, StringComparison.Ordinal);
        var saved = (await Versions.GetAsync(admin, number, TestContext.Current.CancellationToken))!;
        Assert.Equal(7, saved.Rules.Concerns[0].Sessions.Min);
        Assert.Equal("7", Minimum(page).GetAttribute("value"));
    }

    [Fact]
    public async Task When_another_admin_saved_first_the_save_is_refused_and_what_was_typed_stays()
    {
        var (page, number, _) = await OpenDraftAsync();
        await OpenRangesAsync(page);
        await Minimum(page).InputAsync(new ChangeEventArgs { Value = "4" });

        // Another admin saves the same draft meanwhile.
        var other = Principal(await CreateUserAsync(Roles.Admin));
        var read = (await Versions.GetAsync(other, number, TestContext.Current.CancellationToken))!;
        Assert.IsType<RuleResult.Done>(await Versions.SaveDraftAsync(other, number, read.Rules, "theirs", read.Revision, TestContext.Current.CancellationToken));

        await page.Find("#save-draft").ClickAsync(new MouseEventArgs());

        Assert.Contains(RuleVersions.ConflictMessage, page.Find(".rules-refusal").TextContent, StringComparison.Ordinal);
        Assert.Equal("4", Minimum(page).GetAttribute("value"));
        var stored = (await Versions.GetAsync(other, number, TestContext.Current.CancellationToken))!;
        Assert.Equal("theirs", stored.ChangeNote);
        Assert.Equal(3, stored.Rules.Concerns[0].Sessions.Min);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_every_problem_listed_and_nothing_imported()
    {
        var (page, number, admin) = await OpenDraftAsync();
        var before = (await Versions.GetAsync(admin, number, TestContext.Current.CancellationToken))!;
        var broken = before.Rules with
        {
            Aftercare = [.. before.Rules.Aftercare.Select((a, i) => i == 0 ? a with { Text = " " } : a)],
            Concerns = [.. before.Rules.Concerns.Select((c, i) => i == 0 ? c with { Sessions = c.Sessions with { Default = 9 } } : c)],
        };

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(RulesJson.Write(broken), "our-rules.json"));
        await page.WaitForElementAsync(".rules-refusal", TimeSpan.FromSeconds(15));

        var lines = page.FindAll(".rules-refusal div").Select(d => d.TextContent).ToList();
        Assert.StartsWith("Nothing was imported from our-rules.json", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("aftercare[0].text:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("concerns[0].sessions.default:", StringComparison.Ordinal));
        var after = (await Versions.GetAsync(admin, number, TestContext.Current.CancellationToken))!;
        Assert.Equal(before.Revision, after.Revision);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{ not json", "notes.txt"));
        await page.WaitForAssertionAsync(() => Assert.Contains("The file is not a rule set this app can read", page.Find(".rules-refusal").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
    }
}
