using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Plans;

/// <summary>
/// "Today" and the day a stored time fell on are the clinic's (New York in this fixture), never
/// UTC's; the next maintenance is read on the day it is asked. The clock is moved by hand.
/// </summary>
[Collection(PatientPlansOnPostgres.Name)]
public sealed class ClinicTimeTests(ClockedPostgresAppFixture app)
{
    private static readonly SubmissionDetails Consented = new(true, ContactPreference.Email, null, "Sam Patient");
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private DraftStore Drafts => app.Factory.Services.GetRequiredService<DraftStore>();
    private PatientPlans Plans => app.Factory.Services.GetRequiredService<PatientPlans>();
    private ClinicClock Clinic => app.Factory.Services.GetRequiredService<ClinicClock>();

    private async Task<string> NewPatientAsync()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Moves the clock on to the next 2 am UTC, when it is still the evening before in New York; returns that UTC date.</summary>
    private DateOnly MoveToTwoInTheMorningUtc()
    {
        var now = app.Clock.Now;
        var twoAm = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(2), TimeSpan.Zero);
        app.Clock.Advance(twoAm - now);
        return DateOnly.FromDateTime(twoAm.UtcDateTime);
    }

    private async Task<SubmitResult.Stored> SendAsync(string patient, IntakeAnswers answers)
    {
        var (token, _) = await Drafts.StartAsync(answers, 5, TestContext.Current.CancellationToken);
        return Assert.IsType<SubmitResult.Stored>(await Plans.SubmitDraftAsync(patient, token, Consented, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task In_the_clinics_evening_its_today_is_the_earliest_start_date_though_UTC_is_a_day_ahead()
    {
        var utcDate = MoveToTwoInTheMorningUtc();
        var clinicToday = utcDate.AddDays(-1);
        var client = app.Factory.NewClient();

        var today = await client.PostAsJsonAsync("/api/plans/preview", SampleAnswers.LowRisk(clinicToday, Concern.Texture), Api, TestContext.Current.CancellationToken);
        var yesterday = await client.PostAsJsonAsync("/api/plans/preview", SampleAnswers.LowRisk(clinicToday.AddDays(-1), Concern.Texture), Api, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        var plan = JsonNode.Parse(await today.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(clinicToday, DateOnly.Parse((string)plan["initialSeries"]!["sessionDates"]![0]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.BadRequest, yesterday.StatusCode);
        Assert.Contains("in the past", await yesterday.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_sent_and_withdrawn_at_2_am_UTC_shows_the_clinics_date_while_storing_UTC()
    {
        var utcDate = MoveToTwoInTheMorningUtc();
        var patient = await NewPatientAsync();
        var stored = await SendAsync(patient, SampleAnswers.AcneScars(utcDate.AddDays(10)));
        Assert.True(await Plans.WithdrawAsync(patient, stored.PlanId, TestContext.Current.CancellationToken));

        var listed = Assert.Single(await Plans.ListAsync(patient, TestContext.Current.CancellationToken));
        var sent = await Plans.GetAsync(patient, stored.PlanId, action: null, TestContext.Current.CancellationToken);

        // At the clinic it was still the evening before.
        Assert.Equal(utcDate.AddDays(-1), listed.SentOn);
        Assert.Equal(utcDate.AddDays(-1), sent!.SentOn);
        Assert.Equal(utcDate.AddDays(-1), sent.WithdrawnOn);
        await using var db = await app.Factory.CreateDbContextAsync();
        var row = await db.SubmittedPlans.SingleAsync(p => p.Id == stored.PlanId, TestContext.Current.CancellationToken);
        Assert.Equal(app.Clock.Now.UtcDateTime, row.SubmittedAt);
        Assert.Equal(app.Clock.Now.UtcDateTime, row.WithdrawnAt);
    }

    [Fact]
    public async Task The_next_maintenance_is_the_window_still_ahead_on_the_day_it_is_asked()
    {
        var patient = await NewPatientAsync();
        var stored = await SendAsync(patient, SampleAnswers.AcneScars(Clinic.Today.AddDays(10)));
        var windows = (await Plans.GetAsync(patient, stored.PlanId, action: null, TestContext.Current.CancellationToken))!.Plan.Maintenance.Windows;
        Assert.Equal(windows[0], Assert.Single(await Plans.ListAsync(patient, TestContext.Current.CancellationToken)).NextMaintenance);

        // The day after the first window closes, at the clinic.
        app.Clock.Advance(TimeSpan.FromDays(windows[0].End.DayNumber - Clinic.Today.DayNumber + 1));
        Assert.Equal(windows[0].End.AddDays(1), Clinic.Today);

        Assert.Equal(windows[1], Assert.Single(await Plans.ListAsync(patient, TestContext.Current.CancellationToken)).NextMaintenance);
    }
}
