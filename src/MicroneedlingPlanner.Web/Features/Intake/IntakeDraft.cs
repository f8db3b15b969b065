namespace MicroneedlingPlanner.Web.Features.Intake;

/// <summary>
/// A questionnaire in progress, kept on the server so that a closed tab, a lost connection or a
/// restart loses nothing. The browser holds the token; only its hash is stored, so the table
/// alone cannot be used to open anyone's draft.
/// </summary>
public sealed class IntakeDraft
{
    public Guid Id { get; set; }

    public required string TokenHash { get; set; }

    /// <summary>The answers so far (<c>IntakeAnswers</c> as JSON, possibly incomplete).</summary>
    public required string AnswersJson { get; set; }

    /// <summary>The questionnaire step the patient was on, from 0.</summary>
    public int Step { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Moves forward with every save: a draft lives 30 days after its last change.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>
    /// Idempotency key of the submission made from this draft: two tabs sending at once store one
    /// plan. Sending deletes the draft, so the stored plan keeps the only copy of the answers.
    /// </summary>
    public Guid SubmissionKey { get; set; }
}
