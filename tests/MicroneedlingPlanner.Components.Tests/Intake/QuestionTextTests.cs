using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Features.Intake;

namespace MicroneedlingPlanner.Components.Tests.Intake;

/// <summary>Each question's "why we ask" says what its answer changes under the default rules, and claims nothing else.</summary>
public sealed class QuestionTextTests
{
    private enum Change { Sessions, Interval, TopUps, Clinician }

    private static readonly Dictionary<Change, string[]> Phrases = new()
    {
        [Change.Sessions] = ["more sessions", "adds a session", "fewer", "number of sessions"],
        [Change.Interval] = ["further apart", "time between"],
        [Change.TopUps] = ["top-ups"],
        [Change.Clinician] = ["clinician"],
    };

    /// <summary>What each answer changes: read from the rules, so a rule added or removed shows up here.</summary>
    private static Dictionary<string, HashSet<Change>> ChangesByAnswer()
    {
        var rules = DefaultRules.Create();
        var changes = Answers.All.ToDictionary(a => a.Name, _ => new HashSet<Change>());
        void Add(RuleCondition when, Change change)
        {
            foreach (var clause in when.AllOf)
            {
                changes[clause.Field].Add(change);
            }
        }

        foreach (var modifier in rules.Modifiers)
        {
            Change? change = modifier.Effect switch
            {
                EffectKind.SessionsUp or EffectKind.SessionsDown => Change.Sessions,
                EffectKind.IntervalLonger => Change.Interval,
                EffectKind.MaintenanceEarlier or EffectKind.MaintenanceLater => Change.TopUps,
                _ => null,
            };
            if (change is { } c)
            {
                Add(modifier.When, c);
            }
        }

        foreach (var screening in rules.Screening)
        {
            Add(screening.When, Change.Clinician);
        }

        // The concerns pick the concern rules themselves: sessions, spacing and top-ups.
        changes[Answers.Concerns.Name].UnionWith([Change.Sessions, Change.Interval, Change.TopUps]);
        return changes;
    }

    /// <summary>A new answer described in the domain needs its "why we ask" line too.</summary>
    [Fact]
    public void Every_answer_has_a_why_line() =>
        Assert.Equal(Answers.All.Select(a => a.Name).Order(StringComparer.Ordinal), QuestionText.Why.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Each_why_line_names_exactly_the_changes_its_answer_makes()
    {
        foreach (var (field, changes) in ChangesByAnswer())
        {
            var why = QuestionText.Why[field];
            foreach (var (change, phrases) in Phrases)
            {
                var mentioned = phrases.Any(p => why.Contains(p, StringComparison.OrdinalIgnoreCase));
                Assert.True(changes.Contains(change) == mentioned,
                    changes.Contains(change)
                        ? $"{field}: the rules change {change}, but \"{why}\" does not say so."
                        : $"{field}: \"{why}\" speaks of {change}, which this answer does not change.");
            }
        }
    }
}
