using AngleSharp.Dom;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Components.Pages.Staff;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Components.Tests.Staff;

/// <summary>
/// The review queue page: its filters reach the service and the grid shows what the database
/// returned. Each test's patients carry a name of its own and the test searches for it first, so
/// plans other tests stored do not show.
/// </summary>
public sealed class StaffQueueTests(ComponentsApp app) : ComponentTest(app)
{
    private static int counter;

    private static string Tag() => "Qz" + Guid.NewGuid().ToString("N")[..8];

    private async Task<List<SubmittedPlan>> StoreAsync(string tag, int count, Action<int, SubmittedPlan>? shape = null)
    {
        var factory = AppService<IDbContextFactory<PlannerDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var patient = new ApplicationUser { Id = "p-" + Guid.NewGuid().ToString("N"), UserName = tag + "@planner.test", Email = tag + "@planner.test" };
        db.Users.Add(patient);
        var plans = Enumerable.Range(0, count).Select(i =>
        {
            var plan = new SubmittedPlan
            {
                Id = Guid.CreateVersion7(),
                Reference = $"MP-{Interlocked.Increment(ref counter):D4}-{tag[2..6].ToUpperInvariant()}",
                PatientId = patient.Id,
                PatientName = tag + " Patient",
                Status = SubmissionStatus.Submitted,
                SubmittedAt = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                UpdatedAt = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc),
                PrimaryConcern = Concern.AcneScars,
                FirstSessionDate = new DateOnly(2026, 12, 1),
                RulesVersion = "test",
                AnswersJson = "{}",
                PlanJson = "{}",
                IdempotencyKey = Guid.NewGuid(),
                Sessions = 4,
            };
            shape?.Invoke(i, plan);
            return plan;
        }).ToList();
        db.SubmittedPlans.AddRange(plans);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return plans;
    }

    private async Task<IRenderedComponent<StaffHome>> OpenAsync(string tag)
    {
        SignIn(await CreateUserAsync(Roles.Staff), Roles.Staff);
        var page = Render<StaffHome>();
        // The first load (everything sent) finishes before the search, as it does before anyone can type.
        await page.WaitForAssertionAsync(() => Assert.False(page.FindComponent<MudBlazor.MudDataGrid<MicroneedlingPlanner.Web.Features.Review.QueueRow>>().Instance.Loading));
        await page.Find("#queue-search").ChangeAsync(tag);
        await page.Find("form.queue-filters").SubmitAsync();
        return page;
    }

    private static List<string> References(IRenderedComponent<StaffHome> page) =>
        [.. page.FindAll(".queue-grid tbody a.reference-link").Select(a => a.Text())];

    [Fact]
    public async Task The_grid_shows_the_searched_plans_with_their_columns_and_a_link_to_each()
    {
        var tag = Tag();
        var plans = await StoreAsync(tag, 2, (i, p) => { p.HasRefer = i == 1; p.NeedsClinicianReview = i == 1; p.Sessions = 5; });

        var page = await OpenAsync(tag);

        await page.WaitForAssertionAsync(() => Assert.Equal([plans[1].Reference, plans[0].Reference], References(page)));
        Assert.Equal(["Reference", "Patient", "Sent", "Primary concern", "Sessions", "Flags", "Status", "Reviewer"],
            page.FindAll(".queue-grid thead th").Select(th => th.TextContent.Trim()).Where(t => t.Length > 0));
        var first = page.FindAll(".queue-grid tbody tr")[0];
        Assert.Equal($"staff/plans/{plans[1].Id}", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Refer", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 Nov 2026, 10:01", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nobody yet", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_filter_asks_the_server_again_with_it()
    {
        var tag = Tag();
        var plans = await StoreAsync(tag, 4, (i, p) =>
        {
            p.Status = i == 0 ? SubmissionStatus.Accepted : SubmissionStatus.Submitted;
            p.PrimaryConcern = i == 1 ? Concern.HairLoss : Concern.AcneScars;
            p.HasCaution = i == 2;
            p.FirstSessionDate = i == 3 ? new DateOnly(2027, 2, 1) : new DateOnly(2026, 12, 1);
        });
        var page = await OpenAsync(tag);

        // "Sent" is the status the page starts with: the accepted plan is not listed until any status is chosen.
        await page.WaitForAssertionAsync(() => Assert.Equal(3, References(page).Count));
        await page.Find("#queue-status").ChangeAsync("");
        await page.WaitForAssertionAsync(() => Assert.Equal(4, References(page).Count));

        await page.Find("#queue-concern").ChangeAsync(nameof(Concern.HairLoss));
        await page.WaitForAssertionAsync(() => Assert.Equal([plans[1].Reference], References(page)));
        await page.Find("#queue-concern").ChangeAsync("");

        await page.Find("#queue-caution").ChangeAsync(true);
        await page.WaitForAssertionAsync(() => Assert.Equal([plans[2].Reference], References(page)));
        await page.Find("#queue-caution").ChangeAsync(false);

        await page.Find("#first-from").ChangeAsync("2027-01-01");
        await page.WaitForAssertionAsync(() => Assert.Equal([plans[3].Reference], References(page)));

        await page.Find("#queue-status").ChangeAsync(nameof(SubmissionStatus.Accepted));
        await page.WaitForAssertionAsync(() => Assert.Contains("No plans match these filters.", page.Markup, StringComparison.Ordinal));

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Clear filters").ClickAsync();
        await page.Find("#queue-search").ChangeAsync(plans[0].Reference);
        await page.Find("form.queue-filters").SubmitAsync();
        await page.WaitForAssertionAsync(() => Assert.Equal([plans[0].Reference], References(page)));
    }

    [Fact]
    public async Task Next_and_previous_move_a_page_at_a_time()
    {
        var tag = Tag();
        var plans = await StoreAsync(tag, 27);
        var page = await OpenAsync(tag);
        IElement Button(string name) => page.FindAll(".queue-pager button").Single(b => b.TextContent.Trim() == name);

        await page.WaitForAssertionAsync(() => Assert.Equal(plans.Take(25).Select(p => p.Reference), References(page)));
        Assert.Equal("Page 1", page.Find(".queue-page").TextContent);
        Assert.True(Button("Previous page").HasAttribute("disabled"));

        await Button("Next page").ClickAsync();
        await page.WaitForAssertionAsync(() => Assert.Equal(plans.Skip(25).Select(p => p.Reference), References(page)));
        Assert.Equal("Page 2", page.Find(".queue-page").TextContent);
        Assert.True(Button("Next page").HasAttribute("disabled"));

        await Button("Previous page").ClickAsync();
        await page.WaitForAssertionAsync(() => Assert.Equal(plans.Take(25).Select(p => p.Reference), References(page)));
        Assert.Equal("Page 1", page.Find(".queue-page").TextContent);
    }
}
