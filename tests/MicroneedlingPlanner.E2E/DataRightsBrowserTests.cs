using System.Text.Json;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.E2E.Pages;
using MicroneedlingPlanner.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace MicroneedlingPlanner.E2E;

/// <summary>"Your data" in Chromium: the download carries this browser's unsent answers (planner.js adds the token), then the account is deleted.</summary>
public sealed class DataRightsBrowserTests(BrowserFixture app) : BrowserTest(app)
{
    private readonly List<string> found = [];

    private async Task CheckAsync(string where) =>
        found.AddRange((await Accessibility.ViolationsAsync(Page)).Select(v => $"{where}: {v}"));

    [Fact]
    public async Task A_patient_downloads_their_data_with_this_browser_s_draft_then_deletes_their_account()
    {
        var patient = await Patients.NewAsync(App);
        await Patients.StorePlanAsync(App, patient.Id);
        var (token, _) = await App.Factory.Services.GetRequiredService<DraftStore>()
            .StartAsync(SampleAnswers.LowRisk(DateOnly.FromDateTime(DateTime.Today).AddDays(30), Concern.HairLoss), 1);
        await new LoginPage(Page).SignInAsync(patient.Email!, Patients.Password);
        await Page.EvaluateAsync("token => window.planner.setDraftToken(token)", token);

        await Page.GotoAsync("Account/Manage");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Download your data, or delete your account" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Manage/PersonalData$"));
        await CheckAsync("Your data");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());

        Assert.Equal("microneedling-planner-my-data.json", download.SuggestedFilename);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken)))
        {
            Assert.Equal(patient.Email, json.RootElement.GetProperty("profile").GetProperty("email").GetString());
            Assert.Single(json.RootElement.GetProperty("plans").EnumerateArray());
            Assert.Equal(["HairLoss"], json.RootElement.GetProperty("unsentAnswers").GetProperty("answers").GetProperty("concerns").EnumerateArray().Select(c => c.GetString()));
        }

        Assert.DoesNotContain(patient.Id, Page.Url, StringComparison.Ordinal);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Delete my account and data" }).ClickAsync();
        await Page.SetViewportSizeAsync(360, 800);
        await CheckAsync("Delete your account, 360 px wide");
        await Page.GetByLabel("Your password, to confirm it is you").FillAsync("not my password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and data" }).ClickAsync();
        await Expect(Page.Locator(".status-error")).ToHaveTextAsync("Error: that password is not right. Nothing was deleted.");
        await CheckAsync("Delete your account, wrong password");
        await Page.GetByLabel("Your password, to confirm it is you").FillAsync(Patients.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and data" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login$"));
        await Expect(Page.Locator(".status-info")).ToHaveTextAsync("Your account and all your data have been deleted.");
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
        await using var db = await App.Factory.CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Id == patient.Id));
        Assert.False(await db.SubmittedPlans.AnyAsync(p => p.PatientId == patient.Id));
        Assert.False(await db.IntakeDrafts.AnyAsync(d => d.TokenHash == DraftStore.Hash(token)));
    }
}
