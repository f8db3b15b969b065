using System.Text.RegularExpressions;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;

/// <summary>The rule editor's words for the rule set's values, and where a problem's path points, as an admin reads them.</summary>
public static partial class RuleWording
{
    public static string Concern(Concern concern) => concern.Label();

    public static string State(Features.Rules.RuleVersionState state) => state switch
    {
        Features.Rules.RuleVersionState.Draft => "Draft",
        Features.Rules.RuleVersionState.AwaitingApproval => "Awaiting approval",
        Features.Rules.RuleVersionState.Published => "Published",
        _ => "Retired",
    };

    public static string Effect(EffectKind effect) => effect switch
    {
        EffectKind.SessionsUp => "More sessions",
        EffectKind.SessionsDown => "Fewer sessions",
        EffectKind.IntervalLonger => "Longer between sessions",
        EffectKind.MaintenanceEarlier => "Maintenance earlier",
        EffectKind.MaintenanceLater => "Maintenance later",
        EffectKind.Advice => "Advice only",
        _ => effect.ToString(),
    };

    public static string Action(ScreeningAction action) => action switch
    {
        ScreeningAction.Refer => "Refer to a clinician first",
        ScreeningAction.Caution => "Caution: discuss with the patient",
        _ => action.ToString(),
    };

    public static string Timing(AftercareTiming timing) => timing switch
    {
        AftercareTiming.BeforeSession => "Before a session",
        AftercareTiming.FirstDay => "The first day",
        AftercareTiming.FirstDays => "The first few days",
        AftercareTiming.UntilHealed => "Until healed",
        AftercareTiming.Ongoing => "Ongoing",
        _ => timing.ToString(),
    };

    public static string Topic(PlanTopic topic) => topic switch
    {
        PlanTopic.Sessions => "Number of sessions",
        PlanTopic.Interval => "Time between sessions",
        PlanTopic.Results => "When results show",
        PlanTopic.Longevity => "How long results last",
        PlanTopic.Maintenance => "Maintenance",
        _ => topic.ToString(),
    };

    public static string Anchor(MilestoneAnchor anchor) => anchor switch
    {
        MilestoneAnchor.FirstSession => "After the first session",
        MilestoneAnchor.LastSession => "After the last session",
        _ => anchor.ToString(),
    };

    public static string Grade(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.ConsumerArticle => "Consumer article",
        EvidenceGrade.ClinicConvention => "Clinic convention",
        EvidenceGrade.PeerReviewed => "Peer-reviewed",
        EvidenceGrade.Regulator => "Regulator",
        _ => grade.ToString(),
    };

    public static string Kind(SourceKind kind) => kind switch
    {
        SourceKind.PatientArticle => "Article for patients",
        SourceKind.Publication => "Publication",
        SourceKind.Regulator => "Regulator",
        SourceKind.LiteratureNotes => "Literature notes",
        _ => kind.ToString(),
    };

    public static string Count(int problems) =>
        problems == 1 ? "1 problem" : $"{problems} problems";

    /// <summary>Where a path points, e.g. "Acne scars, sessions, minimum" or "Modifier scar-severe, reason".</summary>
    public static string Where(string path, RuleSet rules)
    {
        var match = PathParts().Match(path);
        if (!match.Success)
        {
            return path;
        }

        var list = match.Groups["list"].Value;
        var index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        // An item is named as the admin named it; one not named yet, by its place in the list.
        string? Item<T>(IReadOnlyList<T> items, Func<T, string> name) =>
            index < 0 || index >= items.Count ? null : string.IsNullOrWhiteSpace(name(items[index])) ? $"{index + 1}" : name(items[index]);
        var (section, item) = list switch
        {
            "version" => ("Version", null),
            "concerns" => ("Concerns", Item(rules.Concerns, c => Concern(c.Concern))),
            "milestones" => ("Milestone", Item(rules.Milestones, m => m.Key)),
            "modifiers" => ("Modifier", Item(rules.Modifiers, m => m.Id)),
            "screening" => ("Screening rule", Item(rules.Screening, s => s.Code)),
            "aftercare" => ("Aftercare", Item(rules.Aftercare, a => a.Id)),
            "adjuncts" => ("Adjunct", Item(rules.Adjuncts, a => a.Treatment)),
            "disagreements" => ("Disagreement", Item(rules.Disagreements, d => Topic(d.Topic))),
            "sources" => ("Source", Item(rules.Sources, s => s.Id)),
            "citations" => ("Citation", Item(rules.Citations, c => c.Id)),
            _ => (list, null),
        };
        var rest = match.Groups["rest"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Field);
        // A concern's name says where it is on its own; other items are named with their kind ("Modifier smoking").
        var head = item is null ? section : list == "concerns" ? item : $"{section} {Quoted(item)}";
        return string.Join(", ", new[] { head }.Concat(rest));
    }

    private static string Quoted(string name) => name.Length > 40 ? $"\u201c{name[..40]}\u2026\u201d" : name;

    private static string Field(string part)
    {
        var clause = ClausePart().Match(part);
        if (clause.Success)
        {
            return $"condition, clause {int.Parse(clause.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}";
        }

        return part switch
        {
            "min" => "minimum",
            "max" => "maximum",
            "default" => "default",
            "intervalWeeks" => "weeks between sessions",
            "maintenanceMonths" => "maintenance months",
            "when" => "condition",
            "fromDays" => "from day",
            "toDays" => "to day",
            "defaultChoice" => "default choice",
            "citations" => "citations",
            _ => part,
        };
    }

    [GeneratedRegex(@"^(?<list>\w+)(?:\[(?<index>\d+)\])?(?<rest>.*)$")]
    private static partial Regex PathParts();

    [GeneratedRegex(@"^when\[(\d+)\]$")]
    private static partial Regex ClausePart();
}
