using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.E2E;

/// <summary>Confirmed patients and their sent plans, made through the app's own services so a test can start signed in.</summary>
public static class Patients
{
    public const string Password = "Correct-Horse-42!";

    public static async Task<ApplicationUser> NewAsync(BrowserFixture app)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"patient-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Patient)).Succeeded);
        return user;
    }

    public static async Task<Guid> StorePlanAsync(BrowserFixture app, string patientId, IntakeAnswers? answers = null)
    {
        var drafts = app.Factory.Services.GetRequiredService<DraftStore>();
        var (token, _) = await drafts.StartAsync(answers ?? SampleAnswers.LowRisk(DateOnly.FromDateTime(DateTime.Today).AddDays(20), Concern.Texture), 5);
        var result = await app.Factory.Services.GetRequiredService<PatientPlans>()
            .SubmitDraftAsync(patientId, token, new SubmissionDetails(true, ContactPreference.Email, null, "Sam Patient"));
        return Assert.IsType<SubmitResult.Stored>(result).PlanId;
    }
}
