using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.DataRights;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Features.Review;
using MicroneedlingPlanner.Web.Tests.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.DataRights;

/// <summary>The download and the deletion over HTTP, as a browser without script drives the account pages.</summary>
[Collection(DataRightsOnPostgres.Name)]
public sealed class PersonalDataTests(PostgresAppFixture app)
{
    private const string Page = "/Account/Manage/PersonalData";
    private const string DeletePage = "/Account/Manage/DeletePersonalData";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.Factory.NewClient();
        await client.SignInAsync(email, PatientWithData.Password);
        return client;
    }

    /// <summary>Presses "Download my data": posts the page's download form with its antiforgery token and the draft token planner.js would add.</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, string? draftToken)
    {
        var html = await client.GetStringAsync(Page, Cancel);
        var form = Regex.Match(html, $"""<form method="post" action="{DataRightsSetup.DownloadPath.TrimStart('/')}">.*?</form>""", RegexOptions.Singleline);
        Assert.True(form.Success, "The page has no download form.");
        var antiforgery = Regex.Match(form.Value, """name="__RequestVerificationToken" value="(?<value>[^"]+)" """.Trim()).Groups["value"].Value;
        return await client.PostAsync(DataRightsSetup.DownloadPath, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", WebUtility.HtmlDecode(antiforgery)), new("draftToken", draftToken ?? "")]), Cancel);
    }

    [Fact]
    public async Task A_patient_downloads_everything_held_about_them_and_the_download_is_audited()
    {
        var patient = await PatientWithData.CreateAsync(app.Factory);
        var other = await PatientWithData.CreateAsync(app.Factory);
        var client = await SignedInAsync(patient.Email);

        var response = await DownloadAsync(client, patient.DraftToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(DataRightsSetup.FileName, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        var profile = root.GetProperty("profile");
        Assert.Equal(patient.Id, profile.GetProperty("accountId").GetString());
        Assert.Equal(patient.Email, profile.GetProperty("email").GetString());
        Assert.Equal(patient.Name, profile.GetProperty("preferredName").GetString());
        Assert.Equal(patient.Phone, profile.GetProperty("contactPhone").GetString());
        Assert.True(profile.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Equal([Roles.Patient], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Test provider"], profile.GetProperty("externalLogins").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(profile.GetProperty("claims").EnumerateArray(), c => c.GetProperty("value").GetString() == patient.ClaimValue);

        var plans = root.GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(2, plans.Count);
        var reviewed = plans.Single(p => p.GetProperty("reference").GetString() == patient.ReviewedReference);
        Assert.Equal("Accepted", reviewed.GetProperty("status").GetString());
        Assert.Equal(patient.Name, reviewed.GetProperty("nameGiven").GetString());
        Assert.Equal(["Boxcar", "Rolling"], reviewed.GetProperty("answers").GetProperty("acneScarTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("AcneScars", reviewed.GetProperty("planAsSent").GetProperty("primaryConcern").GetString());
        Assert.Equal(patient.Message, reviewed.GetProperty("clinicMessage").GetString());
        Assert.True(reviewed.GetProperty("clinicChecklist").GetProperty("consentOnFile").GetBoolean());
        Assert.NotEmpty(reviewed.GetProperty("maintenanceWindows").EnumerateArray());
        var history = reviewed.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, e => e.GetProperty("kind").GetString() == PlanEventKinds.Status && e.GetProperty("after").GetString() == "Accepted"
            && e.GetProperty("who").GetString() == "A member of the clinic's staff");
        Assert.Contains(history, e => e.GetProperty("kind").GetString() == PlanEventKinds.Checklist);
        var recall = Assert.Single(reviewed.GetProperty("recalls").EnumerateArray());
        Assert.Equal(nameof(RecallStatus.DoNotContact), recall.GetProperty("status").GetString());
        var attempt = Assert.Single(recall.GetProperty("contactAttempts").EnumerateArray());
        Assert.Equal((nameof(ContactMethod.Phone), nameof(ContactOutcome.NoAnswer)), (attempt.GetProperty("method").GetString(), attempt.GetProperty("outcome").GetString()));
        var withdrawn = plans.Single(p => p.GetProperty("reference").GetString() != patient.ReviewedReference);
        Assert.Contains(withdrawn.GetProperty("history").EnumerateArray(), e => e.GetProperty("who").GetString() == "You" && e.GetProperty("after").GetString() == "Withdrawn");

        var message = Assert.Single(root.GetProperty("messages").EnumerateArray());
        Assert.Equal((patient.Message, patient.ReviewedReference), (message.GetProperty("text").GetString(), message.GetProperty("planReference").GetString()));
        Assert.Equal(JsonValueKind.String, root.GetProperty("askedNotToBeRecalledAt").ValueKind);
        var draft = root.GetProperty("unsentAnswers");
        Assert.Equal(2, draft.GetProperty("step").GetInt32());
        Assert.Equal(["FineLinesWrinkles"], draft.GetProperty("answers").GetProperty("concerns").EnumerateArray().Select(c => c.GetString()));

        // Who at the clinic looked: by role, never by email; and the patient's own actions apart.
        var looks = root.GetProperty("clinicAccess").EnumerateArray().ToList();
        Assert.Contains(looks, l => l.GetProperty("action").GetString() == AuditActions.StaffViewed && l.GetProperty("planReference").GetString() == patient.ReviewedReference
            && l.GetProperty("who").GetString() == "A member of the clinic's staff" && l.GetProperty("seen").GetString() == AuditSeen.PlanAndAnswers);
        Assert.Contains(looks, l => l.GetProperty("action").GetString() == AuditActions.ContactDetailsViewed);
        Assert.Contains(root.GetProperty("yourActivity").EnumerateArray(), l => l.GetProperty("action").GetString() == AuditActions.Submitted);

        // Not the clinic's internal note, not who at the clinic by email, nothing of another patient's.
        Assert.DoesNotContain(patient.Note, text, StringComparison.Ordinal);
        Assert.DoesNotContain(plans.SelectMany(p => p.GetProperty("history").EnumerateArray()), e => e.GetProperty("kind").GetString() == PlanEventKinds.Note);
        Assert.All(Regex.Matches(text, @"[\w.-]+@planner\.test"), m => Assert.Equal(patient.Email, m.Value));
        Assert.Contains(looks, l => l.GetProperty("what").GetString() == "Opened the plan for review");
        Assert.DoesNotContain(other.ReviewedReference, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Email, text, StringComparison.Ordinal);

        await using var db = await app.Factory.CreateDbContextAsync();
        var last = await db.AuditEntries.Where(a => a.PatientId == patient.Id).OrderBy(a => a.Id).LastAsync(Cancel);
        Assert.Equal((AuditActions.PersonalDataExported, patient.Id, Roles.Patient), (last.Action, last.UserId, last.Role));
    }

    [Fact]
    public async Task Without_this_browser_s_draft_token_the_download_has_no_unsent_answers()
    {
        var patient = await PatientWithData.CreateAsync(app.Factory);
        var client = await SignedInAsync(patient.Email);

        using var none = JsonDocument.Parse(await (await DownloadAsync(client, null)).Content.ReadAsStringAsync(Cancel));

        Assert.Equal(JsonValueKind.Null, none.RootElement.GetProperty("unsentAnswers").ValueKind);
        Assert.Equal(2, none.RootElement.GetProperty("plans").GetArrayLength());
    }

    [Fact]
    public async Task The_download_needs_a_signed_in_user_and_a_form_from_this_site()
    {
        var patient = await PatientWithData.CreateAsync(app.Factory);

        var stranger = app.Factory.NewClient();
        foreach (var response in new[]
        {
            await stranger.PostAsync(DataRightsSetup.DownloadPath, new FormUrlEncodedContent([]), Cancel),
            await stranger.GetAsync(Page, Cancel),
            await stranger.GetAsync(DeletePage, Cancel),
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        }

        var client = await SignedInAsync(patient.Email);
        var forged = await client.PostAsync(DataRightsSetup.DownloadPath, new FormUrlEncodedContent([new("draftToken", "")]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("application/json", forged.Content.Headers.ContentType?.MediaType);

        await using var db = await app.Factory.CreateDbContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.PatientId == patient.Id && a.Action == AuditActions.PersonalDataExported, Cancel));
    }

    [Fact]
    public async Task Deleting_needs_the_password_and_the_code_and_then_removes_the_account_from_every_list()
    {
        var patient = await PatientWithData.CreateAsync(app.Factory);
        var client = await SignedInAsync(patient.Email);
        var secondBrowser = await SignedInAsync(patient.Email);
        Assert.Equal(HttpStatusCode.OK, (await secondBrowser.GetAsync("/my-plans", Cancel)).StatusCode);
        var staff = AuditTestData.User(patient.StaffId, Roles.Staff);
        var queue = app.Factory.Services.GetRequiredService<ReviewQueue>();
        var recalls = app.Factory.Services.GetRequiredService<RecallList>();
        var today = app.Factory.Services.GetRequiredService<ClinicClock>().Today;
        var everyRecall = new RecallQuery(today, today.AddYears(5));
        Assert.Single((await queue.LoadPageAsync(staff, new QueueRequest(new QueueFilter { Search = patient.ReviewedReference }), Cancel)).Rows);
        Assert.Contains(await recalls.ListAsync(staff, everyRecall, Cancel), r => r.PlanId == patient.ReviewedPlan);

        var wrongPassword = await client.SubmitFormAsync(DeletePage, "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = "not-the-password-at-all", ["Input.Code"] = TestAuthenticator.Code(TestAuthenticator.Key), ["Input.DraftToken"] = patient.DraftToken,
        });
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Contains("that password is not right. Nothing was deleted.", await wrongPassword.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var noCode = await client.SubmitFormAsync(DeletePage, "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = PatientWithData.Password, ["Input.DraftToken"] = patient.DraftToken,
        });
        Assert.Contains("that code is not the one your app shows now. Nothing was deleted.", await noCode.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            Assert.True(await db.Users.AnyAsync(u => u.Id == patient.Id, Cancel));
            Assert.Equal(2, await db.SubmittedPlans.CountAsync(p => p.PatientId == patient.Id, Cancel));
        }

        var deleted = await client.SubmitFormAsync(DeletePage, "delete-account", new Dictionary<string, string>
        {
            ["Input.Password"] = PatientWithData.Password, ["Input.Code"] = TestAuthenticator.Code(TestAuthenticator.Key), ["Input.DraftToken"] = patient.DraftToken,
        });

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/Account/Login", deleted.Headers.Location!.AbsolutePath);
        Assert.Equal("/Account/Login", (await client.GetAsync("/my-plans", Cancel)).Headers.Location!.AbsolutePath);
        Assert.Equal("/Account/Login", (await secondBrowser.GetAsync("/my-plans", Cancel)).Headers.Location!.AbsolutePath);
        Assert.Empty((await queue.LoadPageAsync(staff, new QueueRequest(new QueueFilter { Search = patient.ReviewedReference }), Cancel)).Rows);
        Assert.DoesNotContain(await recalls.ListAsync(staff, everyRecall, Cancel), r => r.PlanId == patient.ReviewedPlan || r.PlanId == patient.WithdrawnPlan);
        Assert.Null(await app.Factory.Services.GetRequiredService<ClinicReview>().GetAsync(staff, patient.ReviewedPlan, Cancel));

        await using var after = await app.Factory.CreateDbContextAsync();
        Assert.False(await after.Users.AnyAsync(u => u.Id == patient.Id, Cancel));
        Assert.False(await after.IntakeDrafts.AnyAsync(d => d.TokenHash == Web.Features.Intake.DraftStore.Hash(patient.DraftToken), Cancel));
        Assert.Equal(AuditActions.AccountDeleted, (await after.AuditEntries.Where(a => a.PatientId == patient.Id).OrderBy(a => a.Id).LastAsync(Cancel)).Action);
        var chain = await AuditLog.VerifyAsync(after, Cancel);
        Assert.True(chain.Intact, chain.Problem);
    }

    [Fact]
    public async Task A_former_staff_member_s_deletion_leaves_the_plans_they_reviewed_without_a_reviewer()
    {
        var patient = await PatientWithData.CreateAsync(app.Factory);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            var former = (await users.FindByIdAsync(patient.StaffId))!;
            Assert.True((await users.RemoveFromRoleAsync(former, Roles.Staff)).Succeeded);
            Assert.True((await users.AddToRoleAsync(former, Roles.Patient)).Succeeded);
        }

        await using (var before = await app.Factory.CreateDbContextAsync())
        {
            Assert.Equal(patient.StaffId, await before.SubmittedPlans.Where(p => p.Id == patient.ReviewedPlan).Select(p => p.ReviewerId).SingleAsync(Cancel));
        }

        Assert.Equal(DeletionResult.Deleted, await app.Factory.Services.GetRequiredService<PersonalDataRights>().DeleteAccountAsync(patient.StaffId, null, Cancel));

        await using var db = await app.Factory.CreateDbContextAsync();
        var plan = await db.SubmittedPlans.SingleAsync(p => p.Id == patient.ReviewedPlan, Cancel);
        Assert.Null(plan.ReviewerId);
        Assert.Equal(patient.Id, plan.PatientId);
    }

    [Fact]
    public async Task Clinic_accounts_are_closed_by_an_admin_not_here()
    {
        var email = await app.Factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        var client = app.Factory.NewClient();
        await client.SignInAsync(email, Forms.StrongPassword);

        var page = await client.GetStringAsync(DeletePage, Cancel);

        Assert.Contains("Clinic accounts are closed by an administrator", page, StringComparison.Ordinal);
        Assert.DoesNotContain("delete-account", page, StringComparison.Ordinal);
        await using var db = await app.Factory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Cancel);
        Assert.Equal(DeletionResult.ClinicAccount, await app.Factory.Services.GetRequiredService<PersonalDataRights>().DeleteAccountAsync(id, null, Cancel));
        Assert.True(await db.Users.AnyAsync(u => u.Id == id, Cancel));
    }
}
