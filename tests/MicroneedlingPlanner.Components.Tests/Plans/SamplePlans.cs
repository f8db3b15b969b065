using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Components.Tests.Plans;

/// <summary>Answers whose plans use every part of the plan view, and plans made from them by the real planner.</summary>
internal static class SamplePlans
{
    /// <summary>Acne scars plus habits and a skin type that add adjustments, advice, a caution and an adjunct.</summary>
    public static IntakeAnswers Rich(DateOnly start) => SampleAnswers.AcneScars(start) with
    {
        Smoking = Smoking.Daily,
        SkincareRoutine = SkincareRoutine.None,
        FitzpatrickType = 5,
    };

    /// <summary>Pregnancy is a screening rule that refers the patient to a clinician first.</summary>
    public static IntakeAnswers NeedsReview(DateOnly start) => SampleAnswers.AcneScars(start) with { Conditions = [Condition.Pregnancy] };

    public static TreatmentPlan Create(IntakeAnswers answers) => Planner.Create(answers, DefaultRules.Create(), answers.PreferredStartDate!.Value);
}
