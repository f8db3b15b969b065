using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Domain.Review;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>How the plan's categories read for a patient.</summary>
public static class PlanWording
{
    public static string Grade(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.ConsumerArticle => "Clinic article for patients",
        EvidenceGrade.ClinicConvention => "Common clinic practice, not a study result",
        EvidenceGrade.PeerReviewed => "Published study",
        _ => "Medical regulator",
    };

    public static string Timing(AftercareTiming timing) => timing switch
    {
        AftercareTiming.BeforeSession => "Before each session",
        AftercareTiming.FirstDay => "The first 24 hours",
        AftercareTiming.FirstDays => "The first few days",
        AftercareTiming.UntilHealed => "Until your skin has healed",
        _ => "Every day, between sessions and after",
    };

    public static string Status(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => "Sent",
        SubmissionStatus.InReview => "In review",
        SubmissionStatus.Accepted => "Accepted",
        SubmissionStatus.ChangesProposed => "Changes proposed",
        _ => "Withdrawn",
    };

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Range(DateOnly from, DateOnly to) =>
        from == to ? Date(from) : $"{Date(from)} to {Date(to)}";
}
