using MicroneedlingPlanner.Web.Components.Pages.Plans;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Components.Tests.Plans;

public sealed class SendPlanTests(ComponentsApp app) : ComponentTest(app)
{
    private async Task<(string Patient, string Token, IRenderedComponent<SendPlan> Page)> OpenWithDraftAsync()
    {
        var patient = await SignInAsPatientAsync();
        var token = await StartDraftAsync(SampleAnswers.AcneScars(Today.AddDays(10)));
        var page = Render<SendPlan>();
        await page.WaitForElementAsync("form.send-form");
        return (patient, token, page);
    }

    [Fact]
    public async Task Sending_without_consent_is_refused_beside_the_consent_box_and_stores_nothing()
    {
        var (patient, token, page) = await OpenWithDraftAsync();

        await page.Find("form").SubmitAsync();

        var error = page.Find("#consent-error");
        Assert.Contains("tick the box", error.Text(), StringComparison.Ordinal);
        Assert.True(page.Find("#consent").Closest(".question")!.Contains(error));
        Assert.Equal("consent-error", page.Find("#consent").GetAttribute("aria-describedby"));
        Assert.Equal("true", page.Find("#consent").GetAttribute("aria-invalid"));
        Assert.Contains("tick the box", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Empty(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));
        Assert.NotNull(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
        JSInterop.VerifyNotInvoke("planner.clearDraftToken");
    }

    [Fact]
    public async Task The_phone_field_is_asked_for_only_when_the_clinic_may_phone()
    {
        var (_, _, page) = await OpenWithDraftAsync();
        Assert.Empty(page.FindAll("#contactPhone"));

        await page.Find("#contactPreference-Phone").ChangeAsync("on");
        Assert.Equal("tel", page.Find("#contactPhone").GetAttribute("type"));
        Assert.Equal("Phone number", page.Find("label[for=contactPhone]").Text());

        await page.Find("#contactPreference-Either").ChangeAsync("on");
        Assert.NotNull(page.Find("#contactPhone"));

        await page.Find("#contactPreference-Email").ChangeAsync("on");
        Assert.Empty(page.FindAll("#contactPhone"));
    }

    [Fact]
    public async Task A_phone_number_too_short_to_call_is_refused_beside_the_phone_field()
    {
        var (patient, _, page) = await OpenWithDraftAsync();
        await page.Find("#consent").ChangeAsync(true);
        await page.Find("#contactPreference-Phone").ChangeAsync("on");
        await page.Find("#contactPhone").ChangeAsync("123");

        await page.Find("form").SubmitAsync();

        var phone = page.Find("#contactPhone");
        Assert.True(phone.Closest(".question")!.Contains(page.Find("#contactPhone-error")));
        Assert.Equal("true", phone.GetAttribute("aria-invalid"));
        Assert.Equal("contactPhone-error", phone.GetAttribute("aria-describedby"));
        Assert.Empty(page.FindAll("#consent-error"));
        Assert.Empty(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task With_consent_the_plan_is_stored_its_reference_shown_and_the_draft_deleted_everywhere()
    {
        var (patient, token, page) = await OpenWithDraftAsync();
        await page.Find("#consent").ChangeAsync(true);
        await page.Find("#preferredName").ChangeAsync("Sam Patient");

        await page.Find("form").SubmitAsync();

        var stored = Assert.Single(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));
        Assert.Equal(stored.Reference, page.Find("[data-testid=reference]").Text());
        Assert.Equal($"my-plans/{stored.Id}", page.Find(".confirmation a").GetAttribute("href"));
        JSInterop.VerifyInvoke("planner.clearDraftToken");
        Assert.Null(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_name_and_phone_from_the_profile_are_filled_in()
    {
        var patient = await SignInAsPatientAsync();
        Assert.Empty(await Plans.UpdateContactAsync(patient, new PatientContact("Sam Okafor", "020 7946 0958"), TestContext.Current.CancellationToken));
        await StartDraftAsync(SampleAnswers.AcneScars(Today.AddDays(10)));

        var page = Render<SendPlan>();
        await page.WaitForElementAsync("form.send-form");

        Assert.Equal("Sam Okafor", page.Find("#preferredName").GetAttribute("value"));
        Assert.Equal("Your name", page.Find("label[for=preferredName]").Text());
        Assert.Equal("name", page.Find("#preferredName").GetAttribute("autocomplete"));
        await page.Find("#contactPreference-Phone").ChangeAsync("on");
        Assert.Equal("020 7946 0958", page.Find("#contactPhone").GetAttribute("value"));
    }

    [Fact]
    public async Task A_missing_name_is_asked_for_beside_its_field_and_nothing_typed_is_lost()
    {
        var (patient, _, page) = await OpenWithDraftAsync();
        await page.Find("#consent").ChangeAsync(true);
        await page.Find("#preferredName").ChangeAsync("   ");
        await page.Find("#contactPreference-Phone").ChangeAsync("on");
        await page.Find("#contactPhone").ChangeAsync("020 7946 0958");

        await page.Find("form").SubmitAsync();

        var name = page.Find("#preferredName");
        var error = page.Find("#preferredName-error");
        Assert.Contains("name the clinic should use", error.Text(), StringComparison.Ordinal);
        Assert.True(name.Closest(".question")!.Contains(error));
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.Equal("preferredName-why preferredName-error", name.GetAttribute("aria-describedby"));
        Assert.Contains("name the clinic should use", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal("020 7946 0958", page.Find("#contactPhone").GetAttribute("value"));
        Assert.True(page.Find("#consent").HasAttribute("checked"));
        Assert.Empty(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));

        await page.Find("#preferredName").ChangeAsync("Sam Patient");
        await page.Find("form").SubmitAsync();

        Assert.Single(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));
        Assert.Equal(new PatientContact("Sam Patient", "020 7946 0958"), await Plans.GetContactAsync(patient, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_unsent_answers_the_page_says_so_and_offers_a_way_on()
    {
        await SignInAsPatientAsync();
        BrowserHolds(null);

        var page = Render<SendPlan>();

        await page.WaitForAssertionAsync(() => Assert.Contains("We could not find unsent answers on this device.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("form"));
        Assert.Equal(["my-plans", "plan/questions"], page.FindAll(".actions a").Select(a => a.GetAttribute("href")));
    }
}

/// <summary>The real services on the real database, except that saving fails, as when the database goes away mid-send.</summary>
public sealed class SendPlanFailureTests(ComponentsApp app) : ComponentTest(app, (services, real) => services.AddScoped(_ => new PatientPlans(
    new FailingSaves(real.GetRequiredService<IDbContextFactory<PlannerDbContext>>()),
    real.GetRequiredService<DraftStore>(), real.GetRequiredService<MicroneedlingPlanner.Web.Features.Rules.PublishedRules>(), real.GetRequiredService<TimeProvider>(),
    real.GetRequiredService<ClinicClock>())))
{
    [Fact]
    public async Task A_storage_failure_says_so_plainly_keeps_the_form_filled_and_the_draft_unsent()
    {
        var patient = await SignInAsPatientAsync();
        var token = await StartDraftAsync(SampleAnswers.AcneScars(Today.AddDays(10)));
        var page = Render<SendPlan>();
        await page.WaitForElementAsync("form.send-form");
        await page.Find("#consent").ChangeAsync(true);
        await page.Find("#preferredName").ChangeAsync("Sam Patient");
        await page.Find("#contactPreference-Phone").ChangeAsync("on");
        await page.Find("#contactPhone").ChangeAsync("020 7946 0958");

        await page.Find("form").SubmitAsync();

        Assert.Contains("could not send your plan just now", page.Find(".send-failure").Text(), StringComparison.Ordinal);
        Assert.Contains("Nothing you entered is lost", page.Find("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)page.Find("#consent")).IsChecked);
        Assert.Equal("020 7946 0958", page.Find("#contactPhone").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=reference]"));
        Assert.NotNull(await Drafts.LoadAsync(token, TestContext.Current.CancellationToken));
        Assert.Empty(await AppService<PatientPlans>().ListAsync(patient, TestContext.Current.CancellationToken));
        JSInterop.VerifyNotInvoke("planner.clearDraftToken");
    }

    private sealed class FailingSaves(IDbContextFactory<PlannerDbContext> inner) : IDbContextFactory<PlannerDbContext>
    {
        public PlannerDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.SavingChanges += (_, _) => throw new DbUpdateException("The database went away.");
            return db;
        }
    }
}
