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

    // The clinic's review (issue 10, item 3). A proposal is made from the plan as sent and
    // re-dated by the domain (Planner.Revise); PlanJson itself never changes.

    /// <summary>The clinic's proposed plan, once changes are proposed; the plan in force after the patient accepts them.</summary>
    public string? RevisedPlanJson { get; set; }

    /// <summary>The proposed changes in words (before, after, reason), as the patient reads them.</summary>
    public string? ProposedChangesJson { get; set; }

    /// <summary>The clinic's message to the patient; internal notes are events, never here.</summary>
    public string? PatientMessage { get; set; }

    /// <summary>When the patient accepted the proposed changes; from then on <see cref="RevisedPlanJson"/> is their plan.</summary>
    public DateTime? RevisionAcceptedAt { get; set; }

    public bool ScreeningAnswersRead { get; set; }
    public bool ContraindicationsChecked { get; set; }
    public bool ConsentOnFile { get; set; }

    /// <summary>
    /// Raised by every change to the row after it is sent; a save that read an older version
    /// changes nothing (a concurrency token, so it works on PostgreSQL and SQLite alike).
    /// </summary>
    public int Version { get; set; }

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
