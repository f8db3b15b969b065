namespace MicroneedlingPlanner.Web.Features.Review;

/// <summary>
/// One entry in a sent plan's history: who (user id and the role they acted in), when, what kind
/// of event, and for a change the field, before, after and why. Internal notes are marked
/// <see cref="Internal"/> and never leave the clinic's pages.
/// </summary>
public sealed class PlanEvent
{
    public long Id { get; set; }
    public Guid PlanId { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public required string ActorRole { get; set; }
    public required string Kind { get; set; }
    public string? Field { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Reason { get; set; }
    public string? Text { get; set; }
    public bool Internal { get; set; }
}

public static class PlanEventKinds
{
    public const string Status = "status";
    public const string Change = "change";
    public const string Checklist = "checklist";
    public const string Message = "message";
    public const string Note = "note";
}
