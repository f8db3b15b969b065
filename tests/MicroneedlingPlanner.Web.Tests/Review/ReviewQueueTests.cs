using System.Security.Claims;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Review;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Review;

[CollectionDefinition(Name)]
public sealed class ReviewQueueOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Review queue on PostgreSQL";
}

/// <summary>
/// The staff queue on PostgreSQL: every filter and order is applied by the database, and walking
/// the pages by key gives exactly the rows of one ordered list, none twice, none missed. Each test
/// gives its patients a name of its own and searches for it, so the tests share one database.
/// </summary>
[Collection(ReviewQueueOnPostgres.Name)]
public sealed class ReviewQueueTests(PostgresAppFixture app)
{
    private static readonly ClaimsPrincipal Staff = Principal(Roles.Staff);

    private ReviewQueue Queue => app.Factory.Services.GetRequiredService<ReviewQueue>();

    private static ClaimsPrincipal Principal(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, $"{role}-user"), new Claim(ClaimTypes.Role, role), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "Test"));

    private static string Tag() => "Qz" + Guid.NewGuid().ToString("N")[..8];

    private static DateTime Utc(int year, int month, int day, int hour = 12, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static int referenceCounter;

    /// <summary>Stores plans directly, with the queue's columns as given; the JSON is a stub the queue never reads.</summary>
    private async Task<List<SubmittedPlan>> StoreAsync(IEnumerable<Func<SubmittedPlan, SubmittedPlan>> shapes, string tag)
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        var patient = new ApplicationUser { Id = "p-" + Guid.NewGuid().ToString("N"), UserName = tag + "@planner.test", Email = tag + "@planner.test", PreferredName = tag };
        db.Users.Add(patient);
        var plans = shapes.Select(shape => shape(new SubmittedPlan
        {
            Id = Guid.CreateVersion7(),
            Reference = $"MP-{Interlocked.Increment(ref referenceCounter):D4}-{tag[2..6].ToUpperInvariant()}",
            PatientId = patient.Id,
            PatientName = tag,
            Status = SubmissionStatus.Submitted,
            SubmittedAt = Utc(2026, 11, 1),
            UpdatedAt = Utc(2026, 11, 1),
            PrimaryConcern = Concern.AcneScars,
            FirstSessionDate = new DateOnly(2026, 12, 1),
            RulesVersion = "test",
            AnswersJson = "{}",
            PlanJson = "{}",
            IdempotencyKey = Guid.NewGuid(),
            Sessions = 4,
        })).ToList();
        db.SubmittedPlans.AddRange(plans);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return plans;
    }

    /// <summary>Every page in turn, following each page's key, until the last.</summary>
    private async Task<List<List<QueueRow>>> WalkAsync(QueueFilter filter, QueueSort sort = QueueSort.Default, bool descending = false, int pageSize = 3)
    {
        var pages = new List<List<QueueRow>>();
        QueueKey? after = null;
        do
        {
            var page = await Queue.LoadPageAsync(Staff, new QueueRequest(filter, sort, descending, after, pageSize), TestContext.Current.CancellationToken);
            pages.Add([.. page.Rows]);
            after = page.Next;
            Assert.True(pages.Count < 100, "The pages never end.");
        }
        while (after is not null);
        return pages;
    }

    private static Func<SubmittedPlan, SubmittedPlan> Plan(Action<SubmittedPlan> change) => p => { change(p); return p; };

    [Fact]
    public async Task By_default_plans_needing_a_clinician_come_first_then_the_oldest_and_pages_follow_on_by_key()
    {
        var tag = Tag();
        var same = Utc(2026, 10, 5, 9);
        // Ties on the sent time are broken by the reference, so seeking past one of them misses nothing.
        var plans = await StoreAsync(
        [
            Plan(p => p.SubmittedAt = Utc(2026, 10, 1)),
            Plan(p => { p.SubmittedAt = Utc(2026, 10, 9); p.NeedsClinicianReview = true; }),
            Plan(p => p.SubmittedAt = same),
            Plan(p => p.SubmittedAt = same),
            Plan(p => p.SubmittedAt = same),
            Plan(p => { p.SubmittedAt = Utc(2026, 10, 2); p.NeedsClinicianReview = true; }),
            Plan(p => p.SubmittedAt = Utc(2026, 9, 30)),
            Plan(p => { p.SubmittedAt = Utc(2026, 10, 3); p.NeedsClinicianReview = true; }),
        ], tag);

        var pages = await WalkAsync(new QueueFilter { Search = tag });

        var expected = plans.OrderByDescending(p => p.NeedsClinicianReview).ThenBy(p => p.SubmittedAt).ThenBy(p => p.Reference, StringComparer.Ordinal).Select(p => p.Reference);
        Assert.Equal(expected, pages.SelectMany(p => p).Select(r => r.Reference));
        Assert.Equal([3, 3, 2], pages.Select(p => p.Count));
    }

    [Theory]
    [InlineData(QueueSort.Submitted, false)]
    [InlineData(QueueSort.Submitted, true)]
    [InlineData(QueueSort.Patient, false)]
    [InlineData(QueueSort.Patient, true)]
    [InlineData(QueueSort.Reference, false)]
    [InlineData(QueueSort.Reference, true)]
    [InlineData(QueueSort.FirstSession, false)]
    [InlineData(QueueSort.FirstSession, true)]
    public async Task Every_order_pages_by_key_through_every_row_once(QueueSort sort, bool descending)
    {
        var tag = Tag();
        var plans = await StoreAsync(Enumerable.Range(0, 10).Select(i => Plan(p =>
        {
            p.SubmittedAt = Utc(2026, 10, 1 + (i % 4));
            p.FirstSessionDate = new DateOnly(2026, 12, 1 + (i % 3));
            p.PatientName = tag + (i % 2 == 0 ? " Able" : " Baker");
        })), tag);

        var rows = (await WalkAsync(new QueueFilter { Search = tag }, sort, descending)).SelectMany(p => p).Select(r => r.Reference).ToList();

        Func<SubmittedPlan, object> key = sort switch
        {
            QueueSort.Submitted => p => p.SubmittedAt,
            QueueSort.Patient => p => p.PatientName,
            QueueSort.FirstSession => p => p.FirstSessionDate,
            _ => p => p.Reference,
        };
        var ordered = descending
            ? plans.OrderByDescending(key).ThenByDescending(p => p.Reference, StringComparer.Ordinal)
            : plans.OrderBy(key).ThenBy(p => p.Reference, StringComparer.Ordinal);
        Assert.Equal(ordered.Select(p => p.Reference), rows);
    }

    [Fact]
    public async Task Each_filter_is_applied_by_the_database()
    {
        var tag = Tag();
        var plans = await StoreAsync(
        [
            Plan(p => { p.Status = SubmissionStatus.Accepted; p.PrimaryConcern = Concern.HairLoss; }),
            Plan(p => { p.HasRefer = true; p.NeedsClinicianReview = true; }),
            Plan(p => p.HasCaution = true),
            Plan(p => p.FirstSessionDate = new DateOnly(2027, 1, 15)),
            // 23:30 UTC on 30 June is 00:30 on 1 July in London, the clinic's zone in these tests.
            Plan(p => p.SubmittedAt = Utc(2026, 6, 30, 23, 30)),
            Plan(p => p.SubmittedAt = Utc(2026, 6, 30, 22, 30)),
        ], tag);

        async Task<string[]> Find(QueueFilter filter) =>
            [.. (await WalkAsync(filter with { Search = filter.Search ?? tag }, QueueSort.Reference)).SelectMany(p => p).Select(r => r.Reference)];
        string[] Refs(params int[] indexes) => [.. indexes.Select(i => plans[i].Reference).Order(StringComparer.Ordinal)];

        Assert.Equal(Refs(0), await Find(new QueueFilter { Status = SubmissionStatus.Accepted }));
        Assert.Equal(Refs(0), await Find(new QueueFilter { Concern = Concern.HairLoss }));
        Assert.Equal(Refs(1), await Find(new QueueFilter { AnyRefer = true }));
        Assert.Equal(Refs(2), await Find(new QueueFilter { AnyCaution = true }));
        Assert.Equal(Refs(3), await Find(new QueueFilter { FirstSessionFrom = new DateOnly(2027, 1, 15), FirstSessionTo = new DateOnly(2027, 1, 15) }));
        Assert.Equal(Refs(4), await Find(new QueueFilter { SubmittedFrom = new DateOnly(2026, 7, 1), SubmittedTo = new DateOnly(2026, 7, 1) }));
        Assert.Equal(Refs(5), await Find(new QueueFilter { SubmittedFrom = new DateOnly(2026, 6, 30), SubmittedTo = new DateOnly(2026, 6, 30) }));
        Assert.Equal(Refs(1), await Find(new QueueFilter { Search = plans[1].Reference.ToLowerInvariant() }));
        Assert.Equal(Refs(0, 1, 2, 3, 4, 5), await Find(new QueueFilter { Search = tag.ToUpperInvariant()[..6] }));
        Assert.Empty(await Find(new QueueFilter { Search = tag[..4] + "%" }));
    }

    [Fact]
    public async Task Rows_show_the_clinic_time_the_reviewer_and_the_flags()
    {
        var tag = Tag();
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            db.Users.Add(new ApplicationUser { Id = "reviewer-" + tag, UserName = tag + "-r@planner.test", Email = tag + "-r@planner.test", PreferredName = "Dr Reviewer" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await StoreAsync([Plan(p => { p.SubmittedAt = Utc(2026, 7, 1, 8, 15); p.ReviewerId = "reviewer-" + tag; p.HasCaution = true; p.Sessions = 5; })], tag);

        var row = Assert.Single((await Queue.LoadPageAsync(Staff, new QueueRequest(new QueueFilter { Search = tag }), TestContext.Current.CancellationToken)).Rows);

        Assert.Equal(new DateTime(2026, 7, 1, 9, 15, 0), row.Submitted);
        Assert.Equal("Dr Reviewer", row.Reviewer);
        Assert.Equal((true, false, 5, tag), (row.HasCaution, row.HasRefer, row.Sessions, row.PatientName));
    }

    [Fact]
    public async Task The_menu_count_is_the_plans_sent_and_not_yet_taken()
    {
        var before = await Queue.CountWaitingAsync(Staff, TestContext.Current.CancellationToken);
        await StoreAsync([Plan(_ => { }), Plan(_ => { }), Plan(p => p.Status = SubmissionStatus.InReview)], Tag());

        Assert.Equal(before + 2, await Queue.CountWaitingAsync(Principal(Roles.Admin), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_patient_gets_nothing_from_the_queue()
    {
        var patient = Principal(Roles.Patient);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queue.LoadPageAsync(patient, new QueueRequest(new QueueFilter()), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queue.CountWaitingAsync(patient, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Queue.LoadPageAsync(new ClaimsPrincipal(new ClaimsIdentity()), new QueueRequest(new QueueFilter()), TestContext.Current.CancellationToken));
    }
}
