using MicroneedlingPlanner.Domain.Review;
using static MicroneedlingPlanner.Domain.Review.SubmissionStatus;

namespace MicroneedlingPlanner.Domain.Tests.Review;

public sealed class ReviewWorkflowTests
{
    // Every move the product offers, and who makes it; everything else must be refused.
    private static readonly HashSet<(SubmissionStatus, SubmissionStatus, ReviewActor)> Allowed =
    [
        (Submitted, InReview, ReviewActor.Staff),
        (InReview, Accepted, ReviewActor.Staff),
        (InReview, ChangesProposed, ReviewActor.Staff),
        (ChangesProposed, InReview, ReviewActor.Staff),
        (ChangesProposed, Accepted, ReviewActor.Patient),
        (Submitted, Withdrawn, ReviewActor.Patient),
        (InReview, Withdrawn, ReviewActor.Patient),
        (ChangesProposed, Withdrawn, ReviewActor.Patient),
        (Accepted, Withdrawn, ReviewActor.Patient),
    ];

    [Fact]
    public void Exactly_the_listed_moves_are_allowed_and_each_only_for_its_actor()
    {
        foreach (var from in Enum.GetValues<SubmissionStatus>())
        {
            foreach (var to in Enum.GetValues<SubmissionStatus>())
            {
                foreach (var actor in Enum.GetValues<ReviewActor>())
                {
                    var refusal = ReviewWorkflow.Refusal(from, to, actor);
                    Assert.True(Allowed.Contains((from, to, actor)) == (refusal is null), $"{from} → {to} by {actor}: {refusal ?? "allowed"}");
                }
            }
        }
    }

    [Fact]
    public void A_refusal_says_why_in_plain_words()
    {
        Assert.Equal("A plan that is withdrawn cannot be made accepted.", ReviewWorkflow.Refusal(Withdrawn, Accepted, ReviewActor.Staff));
        Assert.Equal("A plan that is waiting for the patient to answer proposed changes cannot be made accepted by clinic staff.", ReviewWorkflow.Refusal(ChangesProposed, Accepted, ReviewActor.Staff));
        Assert.Equal("The plan is already in review.", ReviewWorkflow.Refusal(InReview, InReview, ReviewActor.Staff));
    }

    [Fact]
    public void Next_lists_what_each_actor_can_do_from_each_status()
    {
        Assert.Equal([InReview], ReviewWorkflow.Next(Submitted, ReviewActor.Staff));
        Assert.Equal([Accepted, ChangesProposed], ReviewWorkflow.Next(InReview, ReviewActor.Staff).Order());
        Assert.Equal([Accepted, Withdrawn], ReviewWorkflow.Next(ChangesProposed, ReviewActor.Patient).Order());
        Assert.Empty(ReviewWorkflow.Next(Withdrawn, ReviewActor.Patient));
        Assert.Empty(ReviewWorkflow.Next(Withdrawn, ReviewActor.Staff));
    }
}
