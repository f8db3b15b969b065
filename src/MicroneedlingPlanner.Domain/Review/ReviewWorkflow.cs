namespace MicroneedlingPlanner.Domain.Review;

/// <summary>Where a sent plan stands with the clinic.</summary>
public enum SubmissionStatus { Submitted, InReview, Accepted, ChangesProposed, Withdrawn }

/// <summary>Who asks for a change of status: the patient who sent the plan, or clinic staff.</summary>
public enum ReviewActor { Patient, Staff }

/// <summary>
/// The moves a sent plan can make, and who may make each. Staff take a plan into review, then
/// accept it or propose changes (and may take a proposal back into review to revise it); the
/// patient accepts a proposal, and may withdraw at any point before that ends. Anything else is
/// refused here, whatever page or endpoint asks.
/// </summary>
public static class ReviewWorkflow
{
    private static readonly Dictionary<(SubmissionStatus From, SubmissionStatus To), ReviewActor> Moves = new()
    {
        [(SubmissionStatus.Submitted, SubmissionStatus.InReview)] = ReviewActor.Staff,
        [(SubmissionStatus.InReview, SubmissionStatus.Accepted)] = ReviewActor.Staff,
        [(SubmissionStatus.InReview, SubmissionStatus.ChangesProposed)] = ReviewActor.Staff,
        [(SubmissionStatus.ChangesProposed, SubmissionStatus.InReview)] = ReviewActor.Staff,
        [(SubmissionStatus.ChangesProposed, SubmissionStatus.Accepted)] = ReviewActor.Patient,
        [(SubmissionStatus.Submitted, SubmissionStatus.Withdrawn)] = ReviewActor.Patient,
        [(SubmissionStatus.InReview, SubmissionStatus.Withdrawn)] = ReviewActor.Patient,
        [(SubmissionStatus.ChangesProposed, SubmissionStatus.Withdrawn)] = ReviewActor.Patient,
        [(SubmissionStatus.Accepted, SubmissionStatus.Withdrawn)] = ReviewActor.Patient,
    };

    /// <summary>The statuses this actor may move a plan to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<SubmissionStatus> Next(SubmissionStatus from, ReviewActor actor) =>
        [.. Moves.Where(m => m.Key.From == from && m.Value == actor).Select(m => m.Key.To)];

    /// <summary>Null when the move is allowed; otherwise why not, in words staff and patients can read.</summary>
    public static string? Refusal(SubmissionStatus from, SubmissionStatus to, ReviewActor actor) =>
        Moves.TryGetValue((from, to), out var who) && who == actor
            ? null
            : from == to
                ? $"The plan is already {Describe(from)}."
                : $"A plan that is {Describe(from)} cannot be made {Describe(to)}{(Moves.ContainsKey((from, to)) ? $" by {(actor == ReviewActor.Staff ? "clinic staff" : "the patient")}" : "")}.";

    public static bool CanWithdraw(SubmissionStatus from) => Refusal(from, SubmissionStatus.Withdrawn, ReviewActor.Patient) is null;

    private static string Describe(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => "sent and waiting",
        SubmissionStatus.InReview => "in review",
        SubmissionStatus.Accepted => "accepted",
        SubmissionStatus.ChangesProposed => "waiting for the patient to answer proposed changes",
        _ => "withdrawn",
    };
}
