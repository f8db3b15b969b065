using System.Security.Claims;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Features.Review;
using MicroneedlingPlanner.Web.Tests.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.DataRights;

/// <summary>
/// A patient with something in every table that can hold a patient's data, made through the app's
/// own services as a patient and the clinic would: an account with a claim, an outside login and
/// two-factor sign-in (authenticator key and recovery codes), an unsent draft, a plan the clinic
/// reviewed (checklist, a message, an internal note) and tried to recall (an attempt, then "do not
/// contact"), and a second plan the patient withdrew. Each piece of text is unique, so a test can
/// look for it anywhere in the database.
/// </summary>
public sealed record PatientWithData(
    string Id,
    string Email,
    string Name,
    string Phone,
    string ClaimValue,
    string LoginKey,
    string DraftToken,
    Guid ReviewedPlan,
    string ReviewedReference,
    Guid WithdrawnPlan,
    string Message,
    string Note,
    string StaffId)
{
    public const string Password = Forms.StrongPassword;

    /// <summary>Text that must not survive the account's deletion anywhere (the id may, in the audit log only).</summary>
    public IReadOnlyDictionary<string, string> Traces => new Dictionary<string, string>
    {
        ["email"] = Email,
        ["normalised email"] = Email.ToUpperInvariant(),
        ["name"] = Name,
        ["phone"] = Phone,
        ["claim"] = ClaimValue,
        ["outside login"] = LoginKey,
        ["draft token hash"] = DraftStore.Hash(DraftToken),
        ["plan reference"] = ReviewedReference,
        ["clinic message"] = Message,
        ["internal note"] = Note,
    };

    public static async Task<PatientWithData> CreateAsync(PlannerAppFactory factory)
    {
        var cancel = TestContext.Current.CancellationToken;
        var services = factory.Services;
        var unique = Guid.NewGuid().ToString("N");
        var email = $"patient-{unique}@planner.test";
        var name = $"Robin {unique[..10]}";
        var phone = $"+44 7{Random.Shared.NextInt64(100_000_000, 999_999_999)}";

        string id;
        using (var scope = services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, PreferredName = name, ContactPhone = phone, PhoneNumber = phone };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, Roles.Patient));
            Check(await users.AddClaimAsync(user, new Claim("planner:test", $"claim-{unique}")));
            Check(await users.AddLoginAsync(user, new UserLoginInfo("TestProvider", $"login-{unique}", "Test provider")));
            await factory.Services.GetRequiredService<AccountSessions>().StartAsync(user.Id);
            await TestAuthenticator.EnableAsync(services, user);
            _ = await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10);
            id = user.Id;
        }

        var today = services.GetRequiredService<ClinicClock>().Today;
        var drafts = services.GetRequiredService<DraftStore>();
        var plans = services.GetRequiredService<PatientPlans>();
        async Task<SubmitResult.Stored> SendAsync()
        {
            var (token, _) = await drafts.StartAsync(SampleAnswers.AcneScars(today.AddDays(10)), 5, cancel);
            return Assert.IsType<SubmitResult.Stored>(await plans.SubmitDraftAsync(id, token, new SubmissionDetails(true, ContactPreference.Phone, phone, name), cancel));
        }

        var reviewed = await SendAsync();
        var withdrawn = await SendAsync();
        Assert.True(await plans.WithdrawAsync(id, withdrawn.PlanId, cancel));
        var (draftToken, _) = await drafts.StartAsync(SampleAnswers.LowRisk(today.AddDays(20), Domain.Intake.Concern.FineLinesWrinkles), 2, cancel);

        var staffEmail = await factory.CreateConfirmedUserAsync(Roles.Staff, Forms.StrongPassword);
        string staffId;
        using (var scope = services.CreateScope())
        {
            staffId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(staffEmail))!.Id;
        }

        var staff = AuditTestData.User(staffId, Roles.Staff);
        var review = services.GetRequiredService<ClinicReview>();
        var message = $"Please bring your sunscreen ({unique[..8]}).";
        var note = $"Spoke to the patient's GP ({unique[..8]}).";
        var opened = (await review.GetAsync(staff, reviewed.PlanId, cancel))!;
        var version = Assert.IsType<ReviewResult.Saved>(await review.TakeIntoReviewAsync(staff, reviewed.PlanId, opened.Version, cancel)).Version;
        version = Assert.IsType<ReviewResult.Saved>(await review.SaveChecklistAsync(staff, reviewed.PlanId, version, new ReviewChecklist(true, true, true), cancel)).Version;
        Assert.IsType<ReviewResult.Saved>(await review.AcceptAsync(staff, reviewed.PlanId, version, message, cancel));
        Assert.IsType<ReviewResult.Saved>(await review.AddNoteAsync(staff, reviewed.PlanId, note, cancel));

        var recalls = services.GetRequiredService<RecallList>();
        Assert.NotNull(await recalls.ContactDetailsAsync(staff, reviewed.PlanId, cancel));
        Assert.Equal(RecallChange.Saved, await recalls.LogAttemptAsync(staff, reviewed.PlanId, 1, ContactMethod.Phone, ContactOutcome.NoAnswer, cancel));
        Assert.Equal(RecallChange.Saved, await recalls.SetStatusAsync(staff, reviewed.PlanId, 1, RecallStatus.DoNotContact, cancel));

        return new(id, email, name, phone, $"claim-{unique}", $"login-{unique}", draftToken, reviewed.PlanId, reviewed.Reference, withdrawn.PlanId, message, note, staffId);
    }

    private static void Check(IdentityResult result) => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}
