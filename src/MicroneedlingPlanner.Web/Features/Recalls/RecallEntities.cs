namespace MicroneedlingPlanner.Web.Features.Recalls;

/// <summary>
/// One maintenance window of a stored plan, copied out of the plan's JSON when it is sent so the
/// recall list can filter by date in the database. Number counts from 1 in the plan's order.
/// </summary>
public sealed class MaintenanceWindow
{
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
}

public enum RecallStatus { ToContact, Contacted, Booked, Declined, DoNotContact }

public enum ContactMethod { Phone, Email, Text, Letter }

public enum ContactOutcome { NoAnswer, LeftMessage, Spoke, Booked, Declined }

/// <summary>Where the clinic is with recalling one patient for one window of one plan. No row means "to contact".</summary>
public sealed class Recall
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int WindowNumber { get; set; }
    public required string PatientId { get; set; }
    public RecallStatus Status { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public List<RecallAttempt> Attempts { get; set; } = [];
}

/// <summary>One try at reaching the patient: when, how, and what came of it.</summary>
public sealed class RecallAttempt
{
    public long Id { get; set; }
    public Guid RecallId { get; set; }
    public DateTime At { get; set; }
    public required string ByUserId { get; set; }
    public ContactMethod Method { get; set; }
    public ContactOutcome Outcome { get; set; }
}

/// <summary>The patient asked not to be recalled. Kept per patient, so no window of any plan of theirs is "to contact" again.</summary>
public sealed class RecallOptOut
{
    public required string PatientId { get; set; }
    public DateTime At { get; set; }
    public required string ByUserId { get; set; }
}
