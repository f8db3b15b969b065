namespace MicroneedlingPlanner.Web.Features.Audit;

/// <summary>
/// Who did what to which stored plan, and when. Holds ids only, never health data, so the log
/// can be kept and read without widening who sees patients' answers.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public required string Action { get; set; }
    public Guid PlanId { get; set; }
}

public static class AuditActions
{
    public const string Submitted = "plan.submitted";
    public const string Viewed = "plan.viewed";
    public const string Withdrawn = "plan.withdrawn";
    public const string Reused = "plan.answers-reused";

    /// <summary>A staff or admin user opened the plan's review page (answers, plan, history).</summary>
    public const string StaffViewed = "plan.staff-viewed";
}
