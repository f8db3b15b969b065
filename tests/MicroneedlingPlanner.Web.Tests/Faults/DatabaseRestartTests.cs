using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Faults;

/// <summary>
/// Two apps on a PostgreSQL cluster of their own, which the tests stop and start like an operator
/// would (fast shutdown): one app retries for about ten seconds, the other gives up at once.
/// </summary>
public sealed class RestartableDatabase : IAsyncLifetime
{
    public PostgresServer Server { get; } = PostgresServer.OwnCluster();

    /// <summary>Retries with waits of 0, 1, 2, 2, 2… seconds: an outage of a few seconds is not seen.</summary>
    public PlannerAppFactory Patient { get; private set; } = default!;

    /// <summary>One quick retry: an outage longer than a second reaches the caller.</summary>
    public PlannerAppFactory Impatient { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        var database = await Server.CreateDatabaseAsync("faults");
        Patient = new PlannerAppFactory(DatabaseProvider.Postgres, database)
            .With("Database:RetryCount", "10").With("Database:RetryMaxDelaySeconds", "2");
        Impatient = new PlannerAppFactory(DatabaseProvider.Postgres, database)
            .With("Database:RetryCount", "1").With("Database:RetryMaxDelaySeconds", "0.2");
        _ = Patient.Server;
        _ = Impatient.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Patient.DisposeAsync();
        await Impatient.DisposeAsync();
        await Server.DisposeAsync();
    }
}

public sealed class DatabaseRestartTests(RestartableDatabase db) : IClassFixture<RestartableDatabase>, IAsyncLifetime
{
    private static readonly SubmissionDetails Consented = new(true, ContactPreference.Email, null, "Sam Patient");
    private static readonly IntakeAnswers Answers = SampleAnswers.AcneScars(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    // A failed test must not leave the next one without a database.
    public async ValueTask DisposeAsync()
    {
        try
        {
            await db.Server.StartAsync();
        }
        catch (InvalidOperationException)
        {
            // It was running already.
        }
    }

    private static async Task<string> NewPatientAsync(PlannerAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"{Guid.NewGuid():N}@planner.test", Email = $"{Guid.NewGuid():N}@planner.test", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return user.Id;
    }

    private static async Task<int> StoredWithKeyAsync(PlannerAppFactory app, Guid key)
    {
        await using var context = await app.CreateDbContextAsync();
        return await context.SubmittedPlans.CountAsync(p => p.IdempotencyKey == key, Cancel);
    }

    [Fact]
    public async Task A_send_made_while_the_database_restarts_completes_once_it_is_back_and_stores_one_plan()
    {
        var plans = db.Patient.Services.GetRequiredService<PatientPlans>();
        var patient = await NewPatientAsync(db.Patient);
        var (token, draft) = await db.Patient.Services.GetRequiredService<DraftStore>().StartAsync(Answers, 5, Cancel);

        await db.Server.StopAsync();
        var sending = plans.SubmitDraftAsync(patient, token, Consented, Cancel);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.False(sending.IsCompleted, "The send should still be waiting for the database.");
        await db.Server.StartAsync();

        var stored = Assert.IsType<SubmitResult.Stored>(await sending.WaitAsync(TimeSpan.FromSeconds(30), Cancel));
        Assert.Equal(1, await StoredWithKeyAsync(db.Patient, draft.SubmissionKey));
        await using var context = await db.Patient.CreateDbContextAsync();
        Assert.Equal(1, await context.AuditEntries.CountAsync(a => a.PlanId == stored.PlanId && a.Action == AuditActions.Submitted, Cancel));
        Assert.False(await context.IntakeDrafts.AnyAsync(d => d.Id == draft.Id, Cancel));
    }

    [Fact]
    public async Task A_send_while_the_database_stays_down_fails_cleanly_keeps_the_answers_and_a_second_press_stores_one_plan()
    {
        var plans = db.Impatient.Services.GetRequiredService<PatientPlans>();
        var drafts = db.Impatient.Services.GetRequiredService<DraftStore>();
        var patient = await NewPatientAsync(db.Impatient);
        var (token, draft) = await drafts.StartAsync(Answers, 5, Cancel);

        await db.Server.StopAsync();
        var whileDown = await plans.SubmitDraftAsync(patient, token, Consented, Cancel);
        await db.Server.StartAsync();

        Assert.IsType<SubmitResult.Failed>(whileDown);
        var kept = await drafts.LoadAsync(token, Cancel);
        Assert.NotNull(kept);
        Assert.Equal(Snapshot.Write(Answers), Snapshot.Write(kept.Answers));
        Assert.Equal(draft.SubmissionKey, kept.SubmissionKey);

        var again = Assert.IsType<SubmitResult.Stored>(await plans.SubmitDraftAsync(patient, token, Consented, Cancel));
        var third = await plans.SubmitDraftAsync(patient, token, Consented, Cancel);
        Assert.IsType<SubmitResult.NoDraft>(third);
        Assert.Equal(1, await StoredWithKeyAsync(db.Impatient, draft.SubmissionKey));
        Assert.NotEqual(Guid.Empty, again.PlanId);
    }

    [Fact]
    public async Task While_the_database_is_down_liveness_still_answers_and_health_says_unhealthy()
    {
        var client = db.Impatient.NewClient();

        await db.Server.StopAsync();
        var live = await client.GetAsync("/health/live", Cancel);
        var health = await client.GetAsync("/health", Cancel);
        await db.Server.StartAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_draft_save_while_the_database_is_down_is_reported_as_unavailable_and_the_saved_answers_survive_the_restart()
    {
        var drafts = db.Impatient.Services.GetRequiredService<DraftStore>();
        var (token, _) = await drafts.StartAsync(Answers, 2, Cancel);

        await db.Server.StopAsync();
        var failure = await Record.ExceptionAsync(() => drafts.SaveAsync(token, Answers with { Age = 50 }, 3, Cancel));
        await db.Server.StartAsync();

        Assert.NotNull(failure);
        Assert.True(DatabaseFaults.IsUnavailable(failure), $"Not recognised as an unreachable database: {failure}");
        var kept = await drafts.LoadAsync(token, Cancel);
        Assert.NotNull(kept);
        Assert.Equal(Answers.Age, kept.Answers.Age);
        Assert.True(await drafts.SaveAsync(token, Answers with { Age = 50 }, 3, Cancel));
        Assert.Equal(50, (await drafts.LoadAsync(token, Cancel))!.Answers.Age);
    }
}
