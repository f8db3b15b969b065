using System.Security.Claims;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Rules;

/// <summary>The impact preview replays stored plans from their answers; the same database as the version tests, which run one at a time.</summary>
[Collection(RulesOnPostgres.Name)]
public sealed class RuleImpactTests(SecondAdminPostgresAppFixture app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RuleImpact Impact => app.Factory.Services.GetRequiredService<RuleImpact>();
    private PublishedRules Published => app.Factory.Services.GetRequiredService<PublishedRules>();
    private DateOnly Today => app.Factory.Services.GetRequiredService<ClinicClock>().Today;

    private Task<(ClaimsPrincipal Principal, string Id)> NewUserAsync(string role) => app.Factory.CreatePrincipalAsync(role);

    private async Task<Guid> SendAsync(IntakeAnswers answers)
    {
        var (_, patient) = await NewUserAsync(Roles.Patient);
        var drafts = app.Factory.Services.GetRequiredService<DraftStore>();
        var (token, _) = await drafts.StartAsync(answers, 5, Cancel);
        var stored = await app.Factory.Services.GetRequiredService<PatientPlans>()
            .SubmitDraftAsync(patient, token, new SubmissionDetails(true, ContactPreference.Email, null, "Sam Patient"), Cancel);
        return Assert.IsType<SubmitResult.Stored>(stored).PlanId;
    }

    private static RuleSet OneMoreAcneSession(RuleSet rules) => rules with
    {
        Concerns = [.. rules.Concerns.Select(c => c.Concern == Concern.AcneScars
            ? c with { Sessions = c.Sessions with { Default = c.Sessions.Default + 1, Max = c.Sessions.Max + 1 } }
            : c)],
    };

    private static RuleSet PregnancyNoLongerScreened(RuleSet rules) => rules with
    {
        Screening = [.. rules.Screening.Where(s => s.Code != "pregnancy")],
    };

    [Fact]
    public async Task Stored_plans_in_the_period_are_replayed_from_their_answers_and_counted_by_what_would_change()
    {
        var (admin, _) = await NewUserAsync(Roles.Admin);
        var start = Today.AddDays(20);
        var acne = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            acne.Add(await SendAsync(SampleAnswers.AcneScars(start)));
        }

        var texture = await SendAsync(SampleAnswers.LowRisk(start, Concern.Texture));
        var pregnant = await SendAsync(SampleAnswers.LowRisk(start, Concern.Texture) with { Conditions = [Condition.Pregnancy] });
        var draft = PregnancyNoLongerScreened(OneMoreAcneSession(Published.Current));

        var report = await Impact.PreviewAsync(admin, draft, Today, Today, Cancel);

        // Other tests in this collection may send plans today too: check these five by id, and the counts as at least theirs.
        var changed = report.Changed.ToDictionary(c => c.PlanId, c => c.Difference);
        Assert.True(report.Stored.Total >= 5, $"replayed {report.Stored.Total}");
        Assert.All(acne, id => Assert.Equal(1, changed[id].SessionsAfter - changed[id].SessionsBefore));
        Assert.Equal(PlanStatus.Ready, changed[pregnant].StatusAfter);
        Assert.False(changed.ContainsKey(texture));
        Assert.True(report.Stored.SessionSteps[1] >= 3);
        Assert.True(report.Stored.NoLongerNeedClinician >= 1);
        Assert.Contains(report.Stored.Describe(), line => line.EndsWith("would get one more session.", StringComparison.Ordinal));
        Assert.Contains(report.Stored.Describe(), line => line.EndsWith("would no longer need a clinician first.", StringComparison.Ordinal));

        // The reference patients are tried too, each with what would change for them.
        Assert.Equal(ReferenceProfiles.All.Count, report.Profiles.Count);
        Assert.Contains(report.Profiles, p => p.Name == "Pregnant, texture" && p.Difference.StatusChanged);
        Assert.Contains(report.Profiles, p => p.Name == $"Healthy 35-year-old, {Concern.Texture.Label().ToLowerInvariant()}" && p.Difference.IsSame);

        // Nothing stored was recomputed.
        await using var db = await app.Factory.CreateDbContextAsync();
        var stored = await db.SubmittedPlans.AsNoTracking().SingleAsync(p => p.Id == acne[0], Cancel);
        Assert.Equal(RuleVersions.Label(report.PublishedNumber), stored.RulesVersion);
    }

    [Fact]
    public async Task Staff_see_how_the_published_rules_would_now_plan_a_stored_plan()
    {
        var planId = await SendAsync(SampleAnswers.AcneScars(Today.AddDays(30)));
        await using var db = await app.Factory.CreateDbContextAsync();
        var row = await db.SubmittedPlans.AsNoTracking().SingleAsync(p => p.Id == planId, Cancel);
        var answers = Snapshot.Read<IntakeAnswers>(row.AnswersJson);
        var plan = Snapshot.Read<TreatmentPlan>(row.PlanJson);

        Assert.Null(Impact.AgainstPublished(answers, plan));

        var (author, _) = await NewUserAsync(Roles.Admin);
        var (approver, _) = await NewUserAsync(Roles.Admin);
        var versions = app.Factory.Services.GetRequiredService<RuleVersions>();
        var number = Assert.IsType<RuleResult.Done>(await versions.CreateDraftAsync(author, Published.Number, null, Cancel)).Number;
        var draft = (await versions.GetAsync(author, number, Cancel))!;
        var saved = Assert.IsType<RuleResult.Done>(await versions.SaveDraftAsync(author, number, OneMoreAcneSession(draft.Rules), null, draft.Revision, Cancel));
        var requested = Assert.IsType<RuleResult.Done>(await versions.RequestApprovalAsync(author, number, saved.Revision, Cancel));
        var approved = Assert.IsType<RuleResult.Done>(await versions.ApproveAsync(approver, number, requested.Revision, Cancel));
        Assert.IsType<RuleResult.Done>(await versions.PublishAsync(approver, number, approved.Revision, Cancel));

        var difference = Impact.AgainstPublished(answers, plan);

        Assert.NotNull(difference);
        Assert.Equal([$"Sessions: {plan.InitialSeries.Sessions} → {plan.InitialSeries.Sessions + 1}"], difference.Describe().Take(1));
    }
}
