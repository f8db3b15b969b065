using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Review;

namespace MicroneedlingPlanner.Web.Features.Plans;

public enum ContactPreference { Email, Phone, Either }

/// <summary>
/// A plan a patient sent to the clinic: the answers and the plan exactly as they were made (JSON
/// snapshots, never recomputed, with the rules version), and the few columns the lists and the
/// staff queue filter and sort on. Nothing that depends on today's date is stored: the next
/// maintenance window is read from the plan's windows on the day it is asked.
/// </summary>
public sealed class SubmittedPlan
{
    public Guid Id { get; set; }

    /// <summary>Short code the patient can quote to the clinic.</summary>
    public required string Reference { get; set; }

    public required string PatientId { get; set; }
    public SubmissionStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }

    public Concern PrimaryConcern { get; set; }
    public DateOnly FirstSessionDate { get; set; }
    public bool NeedsClinicianReview { get; set; }
    public required string RulesVersion { get; set; }

    public required string AnswersJson { get; set; }
    public required string PlanJson { get; set; }

    /// <summary>One stored plan per key, however often the patient clicks or the browser retries.</summary>
    public Guid IdempotencyKey { get; set; }

    public DateTime ConsentedAt { get; set; }
    public ContactPreference ContactPreference { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>The name the clinic should use, as given when the plan was sent (the profile may change later).</summary>
    public required string PatientName { get; set; }

    /// <summary>From the plan's flags, so the queue can filter without reading the JSON.</summary>
    public bool HasRefer { get; set; }

    public bool HasCaution { get; set; }

    /// <summary>Sessions in the initial series, as planned.</summary>
    public int Sessions { get; set; }

    /// <summary>The staff user reviewing the plan, if anyone has taken it.</summary>
    public string? ReviewerId { get; set; }
}
