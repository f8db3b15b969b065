using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Planning;

/// <summary>
/// The plans for 20,000 fixed random answer sets under the default rules, as one digest of their
/// JSON. A change to how the planner works (not to what it decides) must leave it as it is; a
/// change to the rules or to the plan's shape changes it on purpose, and then the new digest is
/// recorded here with the reason in the commit.
/// </summary>
public sealed class PlannerRegressionTests
{
    private const int Count = 20_000;

    // Recorded with the bit-mask planner (AnswerBits) before conditions read the answer descriptions.
    private const string Digest = "273D1704F813BC829B9DC2C4A51E8933EDB2D4E37C4485A1EFE5D2A4FE7D79B7";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Plans_for_20_000_random_answer_sets_are_unchanged()
    {
        var rules = DefaultRules.Create();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answers in RandomAnswers(Count))
        {
            var plan = Planner.Create(answers, rules, answers.PreferredStartDate!.Value);
            hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(plan, Json));
            fired.UnionWith(plan.Adjustments.Select(a => a.RuleId));
            fired.UnionWith(plan.Advice.Select(a => a.RuleId));
            fired.UnionWith(plan.Flags.Select(f => f.Code));
            fired.UnionWith(plan.Adjuncts.Select(a => a.Treatment));
        }

        // The digest means something only if the answers make every rule fire somewhere.
        var unused = rules.Modifiers.Select(m => m.Id).Concat(rules.Screening.Select(s => s.Code)).Concat(rules.Adjuncts.Select(a => a.Treatment))
            .Where(id => !fired.Contains(id));
        Assert.Empty(unused);
        Assert.Equal(Digest, Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>Valid answers from a fixed seed, so every run plans the same 20,000.</summary>
    private static IEnumerable<IntakeAnswers> RandomAnswers(int count)
    {
        var random = new Random(20_000);
        T[] SomeOf<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Where(_ => random.Next(4) == 0)];
        T OneOf<T>() where T : struct, Enum => Enum.GetValues<T>()[random.Next(Enum.GetValues<T>().Length)];

        for (var i = 0; i < count; i++)
        {
            var concerns = SomeOf<Concern>();
            concerns = concerns.Length > 0 ? concerns : [OneOf<Concern>()];
            var acne = concerns.Contains(Concern.AcneScars);
            var scarTypes = SomeOf<AcneScarType>();
            yield return new IntakeAnswers
            {
                Concerns = concerns,
                AcneScarTypes = acne ? (scarTypes.Length > 0 ? scarTypes : [OneOf<AcneScarType>()]) : [],
                AcneScarSeverity = acne ? OneOf<ScarSeverity>() : null,
                Age = random.Next(IntakeValidator.MinimumAge, IntakeValidator.MaximumAge + 1),
                FitzpatrickType = random.Next(7) is var f and > 0 ? f : null,
                SkinSensitivity = OneOf<SkinSensitivity>(),
                Smoking = OneOf<Smoking>(),
                SunExposure = OneOf<SunExposure>(),
                DailySunscreen = random.Next(2) == 0,
                SkincareRoutine = OneOf<SkincareRoutine>(),
                Alcohol = OneOf<Alcohol>(),
                SleepAndNutrition = OneOf<SleepAndNutrition>(),
                Medications = random.Next(3) == 0 ? SomeOf<Medication>() : [],
                Conditions = random.Next(3) == 0 ? SomeOf<Condition>() : [],
                UsedHomeDevice = random.Next(2) == 0,
                PreferredStartDate = Profiles.Today.AddDays(random.Next(IntakeValidator.LatestStartInDays + 1)),
            };
        }
    }
}
