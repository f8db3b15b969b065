using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;

// "queue-explain CONNECTION" prints EXPLAIN ANALYZE for the queue's queries; anything else goes to BenchmarkDotNet.
if (args is ["queue-explain", var connection, ..])
{
    await MicroneedlingPlanner.Benchmarks.QueueExplain.RunAsync(connection);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MicroneedlingPlanner.Benchmarks.PlannerBenchmarks).Assembly).Run(args);

namespace MicroneedlingPlanner.Benchmarks
{
/// <summary>
/// Planning cost per plan, and rule-set validation. Run from the repository root:
/// dotnet run -c Release --project benchmarks/MicroneedlingPlanner.Benchmarks -- --filter '*PlannerBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PlannerBenchmarks
{
    private static readonly DateOnly Start = new(2026, 12, 1);
    private readonly RuleSet rules = DefaultRules.Create();
    private IntakeAnswers single = default!;
    private IntakeAnswers[] mix = [];

    [GlobalSetup]
    public void Setup()
    {
        var baseline = new IntakeAnswers
        {
            Concerns = [Concern.AcneScars],
            AcneScarTypes = [AcneScarType.Boxcar, AcneScarType.Rolling],
            AcneScarSeverity = ScarSeverity.Moderate,
            Age = 34,
            SkinSensitivity = SkinSensitivity.Normal,
            Smoking = Smoking.Never,
            SunExposure = SunExposure.Moderate,
            DailySunscreen = true,
            SkincareRoutine = SkincareRoutine.Basic,
            Alcohol = Alcohol.Moderate,
            SleepAndNutrition = SleepAndNutrition.Good,
            UsedHomeDevice = false,
            PreferredStartDate = Start,
        };
        single = baseline;
        mix =
        [
            baseline,
            baseline with { Concerns = [Concern.Texture], AcneScarTypes = [], AcneScarSeverity = null },
            baseline with { AcneScarSeverity = ScarSeverity.Severe, AcneScarTypes = [AcneScarType.Icepick], Smoking = Smoking.Daily },
            baseline with { Concerns = [Concern.HairLoss, Concern.FineLinesWrinkles], AcneScarTypes = [], AcneScarSeverity = null, Age = 58 },
            baseline with { Concerns = [Concern.Hyperpigmentation], AcneScarTypes = [], AcneScarSeverity = null, FitzpatrickType = 5, SunExposure = SunExposure.High, DailySunscreen = false },
            baseline with { Medications = [Medication.BloodThinners], Conditions = [Condition.Pregnancy] },
            baseline with { Concerns = [Concern.StretchMarks, Concern.LooseSkin, Concern.EnlargedPores], AcneScarTypes = [], AcneScarSeverity = null, UsedHomeDevice = true },
            baseline with { AcneScarSeverity = ScarSeverity.Mild, AcneScarTypes = [AcneScarType.Rolling], Alcohol = Alcohol.Heavy, SleepAndNutrition = SleepAndNutrition.Poor },
        ];
    }

    [Benchmark(Description = "plan one profile")]
    public TreatmentPlan PlanOne() => Planner.Create(single, rules, Start);

    /// <summary>Reported per plan: eight varied profiles per invocation.</summary>
    [Benchmark(Description = "plan a mix of profiles (per plan)", OperationsPerInvoke = 8)]
    public int PlanMix()
    {
        var sessions = 0;
        foreach (var answers in mix)
        {
            sessions += Planner.Create(answers, rules, Start).InitialSeries.Sessions;
        }

        return sessions;
    }

    [Benchmark(Description = "validate the default rule set")]
    public int ValidateRules() => RuleSetValidator.Validate(rules).Count;
}
}
