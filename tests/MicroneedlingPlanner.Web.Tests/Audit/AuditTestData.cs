using System.Security.Claims;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;

namespace MicroneedlingPlanner.Web.Tests.Audit;

internal static class AuditTestData
{
    public static ClaimsPrincipal User(string id, params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), .. roles.Select(r => new Claim(ClaimTypes.Role, r)), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)], "test"));

    /// <summary>A staff look at a made-up patient, through the one writer.</summary>
    public static async Task<AuditEntry> WriteStaffLookAsync(PlannerAppFactory factory, string? patientId = null)
    {
        await using var db = await factory.CreateDbContextAsync();
        var entry = AuditEntry.StaffLook(User($"staff-{Guid.NewGuid():N}", Roles.Staff), AuditActions.ContactDetailsViewed,
            patientId ?? $"patient-{Guid.NewGuid():N}", Guid.NewGuid(), AuditSeen.ContactDetails, DateTime.UtcNow);
        await AuditLog.RecordAsync(db, entry, TestContext.Current.CancellationToken);
        return entry;
    }
}
