using System.Net.Http.Json;
using System.Security.Claims;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Rules;

/// <summary>
/// Rule versions through the app's services on PostgreSQL, with a second admin required. The tests
/// share one database and each publish moves the published version on, so every test reads the
/// version published when it starts and never assumes which it is.
/// </summary>
[Collection(RulesOnPostgres.Name)]
public sealed class RuleVersionsTests(SecondAdminPostgresAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RuleVersions Versions => app.Factory.Services.GetRequiredService<RuleVersions>();
    private PublishedRules Published => app.Factory.Services.GetRequiredService<PublishedRules>();

    private async Task<ClaimsPrincipal> NewAdminAsync() => (await app.Factory.CreatePrincipalAsync(Roles.Admin)).Principal;

    private static RuleSet WithAcneSessions(RuleSet rules, int min, int max, int @default) => rules with
    {
        Concerns = [.. rules.Concerns.Select(c => c.Concern == Domain.Intake.Concern.AcneScars
            ? c with { Sessions = c.Sessions with { Min = min, Max = max, Default = @default } }
            : c)],
    };

    /// <summary>A new draft from the published version, edited, approved by <paramref name="approver"/> and published.</summary>
    private async Task<int> PublishAsync(ClaimsPrincipal author, ClaimsPrincipal approver, Func<RuleSet, RuleSet> edit)
    {
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(author, Published.Number, "test", Cancel)).Number;
        var draft = (await Versions.GetAsync(author, number, Cancel))!;
        var saved = Assert.IsType<RuleResult.Done>(await Versions.SaveDraftAsync(author, number, edit(draft.Rules), "test change", draft.Revision, Cancel));
        var requested = Assert.IsType<RuleResult.Done>(await Versions.RequestApprovalAsync(author, number, saved.Revision, Cancel));
        var approved = Assert.IsType<RuleResult.Done>(await Versions.ApproveAsync(approver, number, requested.Revision, Cancel));
        Assert.IsType<RuleResult.Done>(await Versions.PublishAsync(approver, number, approved.Revision, Cancel));
        return number;
    }

    /// <summary>Issue 12, item 4: a patient text with NUL cannot be stored (PostgreSQL refuses it): refused on its field, never an error.</summary>
    [Fact]
    public async Task A_text_with_hidden_characters_is_refused_on_its_path_when_saved_or_imported_and_markup_is_kept_as_typed()
    {
        var admin = await NewAdminAsync();
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(admin, Published.Number, "hostile text", Cancel)).Number;
        var draft = (await Versions.GetAsync(admin, number, Cancel))!;
        RuleSet WithReason(string reason) => draft.Rules with { Modifiers = [draft.Rules.Modifiers[0] with { Reason = reason }, .. draft.Rules.Modifiers.Skip(1)] };

        var saved = Assert.IsType<RuleResult.Invalid>(await Versions.SaveDraftAsync(admin, number, WithReason("heals\0slowly"), null, draft.Revision, Cancel));
        var imported = Assert.IsType<RuleResult.Invalid>(await Versions.ImportAsync(admin, number, RulesJson.Write(WithReason("heals\u0000 slowly")), draft.Revision, Cancel));

        Assert.Equal($"modifiers[0].reason: {RuleSetValidator.HiddenCharacters}", Assert.Single(saved.Problems));
        Assert.Equal(saved.Problems, imported.Problems);
        var markup = Assert.IsType<RuleResult.Done>(await Versions.SaveDraftAsync(admin, number, WithReason(HostileInput.Markup[0]), null, draft.Revision, Cancel));
        Assert.Equal(HostileInput.Markup[0], (await Versions.GetAsync(admin, number, Cancel))!.Rules.Modifiers[0].Reason);
        Assert.True(markup.Revision > draft.Revision);
    }

    [Fact]
    public async Task Version_1_is_seeded_by_the_migration_as_the_default_rules_and_published()
    {
        var admin = await NewAdminAsync();

        var first = (await Versions.GetAsync(admin, 1, Cancel))!;

        Assert.Equal(RulesJson.Write(DefaultRules.Create()), RulesJson.Write(first.Rules));
        Assert.Equal("the source documents", first.Author);
        Assert.NotNull(first.PublishedAt);
    }

    [Fact]
    public async Task A_draft_is_published_only_after_an_admin_who_did_not_write_it_approves_it()
    {
        var author = await NewAdminAsync();
        var second = await NewAdminAsync();
        var before = Published.Number;
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(author, before, "More acne sessions", Cancel)).Number;
        var draft = (await Versions.GetAsync(author, number, Cancel))!;
        var saved = Assert.IsType<RuleResult.Done>(await Versions.SaveDraftAsync(author, number, WithAcneSessions(draft.Rules, 4, 6, 5), "More acne sessions", draft.Revision, Cancel));

        var early = Assert.IsType<RuleResult.Refused>(await Versions.PublishAsync(author, number, saved.Revision, Cancel));
        Assert.Contains("ask for approval first", early.Message, StringComparison.Ordinal);

        var requested = Assert.IsType<RuleResult.Done>(await Versions.RequestApprovalAsync(author, number, saved.Revision, Cancel));
        var self = Assert.IsType<RuleResult.Refused>(await Versions.ApproveAsync(author, number, requested.Revision, Cancel));
        Assert.Contains("another admin must approve it", self.Message, StringComparison.Ordinal);
        var unapproved = Assert.IsType<RuleResult.Refused>(await Versions.PublishAsync(second, number, requested.Revision, Cancel));
        Assert.Contains("waiting for another admin's approval", unapproved.Message, StringComparison.Ordinal);

        var approved = Assert.IsType<RuleResult.Done>(await Versions.ApproveAsync(second, number, requested.Revision, Cancel));
        Assert.IsType<RuleResult.Done>(await Versions.PublishAsync(author, number, approved.Revision, Cancel));

        Assert.Equal(number, Published.Number);
        Assert.Equal(5, Published.Current.Concerns.Single(c => c.Concern == Domain.Intake.Concern.AcneScars).Sessions.Default);
        var published = (await Versions.GetAsync(author, number, Cancel))!;
        Assert.Equal(RuleVersionState.Published, published.State);
        Assert.NotNull(published.ApprovedBy);
        Assert.NotEqual(published.Author, published.ApprovedBy);
        Assert.Equal(RuleVersionState.Retired, (await Versions.GetAsync(author, before, Cancel))!.State);
        var history = await Versions.HistoryAsync(author, Cancel);
        Assert.Equal(number, history[0].Number);
        Assert.Equal("More acne sessions", history[0].ChangeNote);

        await using var db = await app.Factory.CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(a => a.Seen == $"treatment rules version {number}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Cancel);
        Assert.Equal([AuditActions.RulesDraftCreated, AuditActions.RulesDraftSaved, AuditActions.RulesApprovalRequested, AuditActions.RulesApproved, AuditActions.RulesPublished], actions);
    }

    [Fact]
    public async Task An_edit_after_a_request_withdraws_it_and_its_approval()
    {
        var author = await NewAdminAsync();
        var second = await NewAdminAsync();
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(author, Published.Number, null, Cancel)).Number;
        var draft = (await Versions.GetAsync(author, number, Cancel))!;
        var requested = Assert.IsType<RuleResult.Done>(await Versions.RequestApprovalAsync(author, number, draft.Revision, Cancel));
        var approved = Assert.IsType<RuleResult.Done>(await Versions.ApproveAsync(second, number, requested.Revision, Cancel));

        var edited = Assert.IsType<RuleResult.Done>(await Versions.SaveDraftAsync(author, number, WithAcneSessions(draft.Rules, 3, 6, 6), null, approved.Revision, Cancel));

        var after = (await Versions.GetAsync(author, number, Cancel))!;
        Assert.Equal(RuleVersionState.Draft, after.State);
        Assert.Null(after.ApprovedBy);
        Assert.IsType<RuleResult.Refused>(await Versions.PublishAsync(second, number, edited.Revision, Cancel));
    }

    [Fact]
    public async Task Sending_back_returns_the_draft_with_the_comment()
    {
        var author = await NewAdminAsync();
        var second = await NewAdminAsync();
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(author, Published.Number, null, Cancel)).Number;
        var requested = Assert.IsType<RuleResult.Done>(await Versions.RequestApprovalAsync(author, number, (await Versions.GetAsync(author, number, Cancel))!.Revision, Cancel));

        Assert.IsType<RuleResult.Refused>(await Versions.SendBackAsync(second, number, "  ", requested.Revision, Cancel));
        Assert.IsType<RuleResult.Done>(await Versions.SendBackAsync(second, number, "Cite the 2020 review for this.", requested.Revision, Cancel));

        var after = (await Versions.GetAsync(author, number, Cancel))!;
        Assert.Equal(RuleVersionState.Draft, after.State);
        Assert.Equal("Cite the 2020 review for this.", after.ReturnComment);
    }

    [Fact]
    public async Task A_draft_with_a_problem_cannot_be_sent_for_approval_and_says_what_to_fix()
    {
        var author = await NewAdminAsync();
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(author, Published.Number, null, Cancel)).Number;
        var draft = (await Versions.GetAsync(author, number, Cancel))!;

        // A draft is work in progress: saving it with a problem keeps what the admin typed.
        var saved = Assert.IsType<RuleResult.Done>(await Versions.SaveDraftAsync(author, number, WithAcneSessions(draft.Rules, 7, 6, 6), null, draft.Revision, Cancel));
        Assert.Equal(7, (await Versions.GetAsync(author, number, Cancel))!.Rules.Concerns.Single(c => c.Concern == Domain.Intake.Concern.AcneScars).Sessions.Min);

        var refused = Assert.IsType<RuleResult.Invalid>(await Versions.RequestApprovalAsync(author, number, saved.Revision, Cancel));
        Assert.Contains(refused.Problems, p => p.Contains("sessions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_admins_saving_the_same_draft_the_second_is_refused_and_nothing_is_overwritten()
    {
        var first = await NewAdminAsync();
        var second = await NewAdminAsync();
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(first, Published.Number, null, Cancel)).Number;
        var read = (await Versions.GetAsync(first, number, Cancel))!;

        var results = await Task.WhenAll(
            Versions.SaveDraftAsync(first, number, WithAcneSessions(read.Rules, 3, 6, 5), "first", read.Revision, Cancel),
            Versions.SaveDraftAsync(second, number, WithAcneSessions(read.Rules, 3, 6, 6), "second", read.Revision, Cancel));

        Assert.Single(results.OfType<RuleResult.Done>());
        var conflict = Assert.Single(results.OfType<RuleResult.Conflict>());
        Assert.Equal(RuleVersions.ConflictMessage, conflict.Message);
        var stored = (await Versions.GetAsync(first, number, Cancel))!;
        var winner = stored.ChangeNote == "first" ? 5 : 6;
        Assert.Equal(winner, stored.Rules.Concerns.Single(c => c.Concern == Domain.Intake.Concern.AcneScars).Sessions.Default);
        Assert.Equal(read.Revision + 1, stored.Revision);
    }

    [Fact]
    public async Task An_invalid_import_is_refused_with_every_problem_listed_and_nothing_imported()
    {
        var admin = await NewAdminAsync();
        var number = Assert.IsType<RuleResult.Done>(await Versions.CreateDraftAsync(admin, Published.Number, null, Cancel)).Number;
        var draft = (await Versions.GetAsync(admin, number, Cancel))!;
        var broken = draft.Rules with
        {
            Aftercare = [.. draft.Rules.Aftercare.Select((a, i) => i == 0 ? a with { Citations = ["SF-404"] } : a)],
        };
        broken = WithAcneSessions(broken, 3, 6, 9);

        var invalid = Assert.IsType<RuleResult.Invalid>(await Versions.ImportAsync(admin, number, RulesJson.Write(broken), draft.Revision, Cancel));
        Assert.Contains(invalid.Problems, p => p.Contains("SF-404", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.Contains('9', StringComparison.Ordinal) && p.Contains("sessions", StringComparison.Ordinal));

        var notJson = Assert.IsType<RuleResult.Invalid>(await Versions.ImportAsync(admin, number, "{\"version\": \"x\", \"concerns\": 5}", draft.Revision, Cancel));
        Assert.Contains("$.concerns", Assert.Single(notJson.Problems), StringComparison.Ordinal);
        var typo = Assert.IsType<RuleResult.Invalid>(await Versions.ImportAsync(admin, number, RulesJson.Write(draft.Rules).Replace("\"milestones\"", "\"milestonez\"", StringComparison.Ordinal), draft.Revision, Cancel));
        Assert.Contains("milestonez", Assert.Single(typo.Problems), StringComparison.Ordinal);

        var after = (await Versions.GetAsync(admin, number, Cancel))!;
        Assert.Equal(draft.Revision, after.Revision);
        Assert.Equal(RulesJson.Write(draft.Rules), RulesJson.Write(after.Rules));

        var exported = await Versions.ExportAsync(admin, number, Cancel);
        var good = WithAcneSessions(draft.Rules, 3, 6, 5);
        Assert.IsType<RuleResult.Done>(await Versions.ImportAsync(admin, number, RulesJson.Write(good), draft.Revision, Cancel));
        Assert.Equal(RulesJson.Write(draft.Rules), exported);
    }

    [Fact]
    public async Task Rollback_publishes_a_copy_of_an_old_version_as_a_new_one()
    {
        var author = await NewAdminAsync();
        var second = await NewAdminAsync();
        var old = Published.Number;
        var oldRules = RulesJson.Write(Published.Current with { Version = "x" });
        await PublishAsync(author, second, r => WithAcneSessions(r, 4, 6, 6));

        var rolled = Assert.IsType<RuleResult.Done>(await Versions.RollbackAsync(author, old, null, Cancel));

        Assert.Equal(rolled.Number, Published.Number);
        Assert.Equal(oldRules, RulesJson.Write(Published.Current with { Version = "x" }));
        var copy = (await Versions.GetAsync(author, rolled.Number, Cancel))!;
        Assert.Equal(old, copy.BasedOn);
        Assert.Equal($"Rollback to version {old}.", copy.ChangeNote);
        Assert.IsType<RuleResult.Refused>(await Versions.RollbackAsync(author, rolled.Number, null, Cancel));
    }

    [Fact]
    public async Task A_version_that_no_longer_passes_todays_checks_cannot_be_rolled_back_to()
    {
        var author = await NewAdminAsync();
        var second = await NewAdminAsync();
        var broken = await PublishAsync(author, second, r => r);
        await PublishAsync(author, second, r => r);

        // As if the checks had become stricter since it was published.
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var row = await db.RuleVersions.SingleAsync(v => v.Number == broken, Cancel);
            row.RulesJson = RulesJson.Write(WithAcneSessions(RulesJson.Read(row.RulesJson), 3, 6, 8));
            await db.SaveChangesAsync(Cancel);
        }

        var refused = Assert.IsType<RuleResult.Invalid>(await Versions.RollbackAsync(author, broken, null, Cancel));
        Assert.StartsWith($"Version {broken} no longer passes today's checks", refused.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_may_read_or_change_the_rules()
    {
        var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone"), new Claim(ClaimTypes.Role, Roles.Staff), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Versions.ListAsync(staff, Cancel));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Versions.CreateDraftAsync(staff, 1, null, Cancel));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Versions.PublishAsync(staff, 1, 0, Cancel));
    }

    [Fact]
    public async Task A_publish_on_one_instance_serves_new_plans_on_another_within_seconds()
    {
        await using var second = new Testing.PlannerAppFactory(DatabaseProvider.Postgres, app.ConnectionString).With("Rules:RefreshSeconds", "0.5");
        using var client = second.CreateClient();
        var author = await NewAdminAsync();
        var approver = await NewAdminAsync();

        var number = await PublishAsync(author, approver, r => r);

        var label = RuleVersions.Label(number);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? seen;
        do
        {
            seen = (await client.GetFromJsonAsync<RuleSet>("/api/rules/current", Snapshot.Options, Cancel))!.Version;
        }
        while (seen != label && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(label, seen);

        static async Task<bool> Delay()
        {
            await Task.Delay(100);
            return true;
        }
    }
}
