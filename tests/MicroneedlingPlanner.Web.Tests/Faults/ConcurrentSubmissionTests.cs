using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Faults;

[CollectionDefinition(Name)]
public sealed class LoadOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Load on PostgreSQL";
}

/// <summary>Many patients sending at the same moment through the service, on PostgreSQL.</summary>
[Collection(LoadOnPostgres.Name)]
public sealed class ConcurrentSubmissionTests(PostgresAppFixture app)
{
    private const int Patients = 200;

    [Fact]
    public async Task Two_hundred_concurrent_submissions_store_exactly_two_hundred_plans()
    {
        var cancel = TestContext.Current.CancellationToken;
        var drafts = app.Factory.Services.GetRequiredService<DraftStore>();
        var plans = app.Factory.Services.GetRequiredService<PatientPlans>();
        var answers = SampleAnswers.AcneScars(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));
        var senders = new List<(string Patient, string Token, Guid Key)>();
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            for (var i = 0; i < Patients; i++)
            {
                // No password: hashing 200 of them would only slow the test down.
                var user = new ApplicationUser { UserName = $"load-{i}@planner.test", Email = $"load-{i}@planner.test", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                var (token, draft) = await drafts.StartAsync(answers, 5, cancel);
                senders.Add((user.Id, token, draft.SubmissionKey));
            }
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = senders.Select(s => Task.Run(async () =>
        {
            await go.Task;
            return await plans.SubmitDraftAsync(s.Patient, s.Token, new SubmissionDetails(true, ContactPreference.Email, null, "Load Patient"), cancel);
        }, cancel)).ToList();
        go.SetResult();
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.IsType<SubmitResult.Stored>(r));
        Assert.Equal(Patients, results.Cast<SubmitResult.Stored>().Select(r => r.PlanId).Distinct().Count());
        await using var db = await app.Factory.CreateDbContextAsync();
        var keys = senders.Select(s => s.Key).ToList();
        Assert.Equal(Patients, await db.SubmittedPlans.CountAsync(p => keys.Contains(p.IdempotencyKey), cancel));
        Assert.Equal(Patients, await db.SubmittedPlans.CountAsync(cancel));
        Assert.Equal(Patients, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.Submitted, cancel));
        Assert.False(await db.IntakeDrafts.AnyAsync(cancel));
        Assert.True((await AuditLog.VerifyAsync(db, cancel)).Intact);
    }
}
