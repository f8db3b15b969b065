using System.Text;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Rules;

/// <summary>
/// docs/rules.md is rendered from the default rule set; this test fails when the two differ.
/// Regenerate with: UPDATE_RULES_DOC=1 dotnet test tests/MicroneedlingPlanner.Domain.Tests --filter RulesDocument
/// </summary>
public sealed class RulesDocumentTests
{
    /// <summary>Above this line docs/rules.md is written by hand (the admin's guide to changing rules); below it, rendered.</summary>
    private const string Marker = "<!-- Everything below is generated from DefaultRules by RulesDocumentTests; do not edit it by hand. -->";

    [Fact]
    public void Docs_rules_md_matches_the_default_rules()
    {
        var path = RepositoryFile("docs", "rules.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var cut = text.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(cut > 0, $"docs/rules.md must start with the admin's guide, then the line {Marker}");
        var rendered = text[..cut] + Marker + "\n\n" + Render(DefaultRules.Create());

        if (Environment.GetEnvironmentVariable("UPDATE_RULES_DOC") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(text == rendered,
            "docs/rules.md is out of date with DefaultRules. Regenerate it: UPDATE_RULES_DOC=1 dotnet test tests/MicroneedlingPlanner.Domain.Tests --filter RulesDocument");
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MicroneedlingPlanner.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("The repository root (MicroneedlingPlanner.sln) was not found.");
    }

    internal static string Render(RuleSet rules)
    {
        var byId = rules.Citations.ToDictionary(c => c.Id);
        string Sources(IReadOnlyList<string> ids) => string.Join("; ", ids.Select(id =>
        {
            var c = byId[id];
            return c.Line is { } line ? $"{c.Source[..3]}:{line} ({Grade(c.Grade)})" : $"{id} ({Grade(c.Grade)})";
        }));
        static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal);
        static string When(RuleCondition condition) => Cell(ConditionText.Describe(condition));

        var md = new StringBuilder();
        md.AppendLine("## The default rules (version 1)").AppendLine();
        md.AppendLine(Invariant, $"Rules version `{rules.Version}`: the rules every clinic starts with, seeded into the database by the migration RuleVersionOne.");
        md.AppendLine("Source documents are cited as `NNN:line` (the file prefix in `shared/seeds/`); publications by id. Both are listed at the end, with the source each points to.");
        md.AppendLine("Grades: consumer article < clinic convention < peer-reviewed < regulator.").AppendLine();

        md.AppendLine("## Sessions, intervals and maintenance per concern").AppendLine();
        md.AppendLine("| concern | sessions (default) | weeks between sessions (default) | months to maintenance | sources |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var c in rules.Concerns)
        {
            md.AppendLine(Invariant, $"| {c.Concern} | {c.Sessions.Min}-{c.Sessions.Max} ({c.Sessions.Default}) | {c.IntervalWeeks.Min}-{c.IntervalWeeks.Max} ({c.IntervalWeeks.Default}) | {c.MaintenanceMonths.Min}-{c.MaintenanceMonths.Max} | sessions: {Sources(c.Sessions.Citations)}<br>interval: {Sources(c.IntervalWeeks.Citations)}<br>maintenance: {Sources(c.MaintenanceMonths.Citations)} |");
        }

        md.AppendLine();
        md.AppendLine("Several concerns make one series: sessions take the highest minimum, maximum and default (one series serves the most demanding concern); the interval is the overlap of the concerns' ranges; maintenance runs from the lowest minimum to the lowest maximum (upkeep is due when the first concern needs it).");
        md.AppendLine("Factors that shorten results move maintenance to the early half of its window; factors that lengthen them to the late half; both kinds together cancel out.");
        md.AppendLine(Invariant, $"Maintenance windows cover {Planner.MaintenanceHorizonMonths} months after the last session: window k opens k times the patient's shortest interval after the last session and closes the longest interval after the previous window opened. Every date counts whole months from the last session itself, so a short month does not pull later dates forward (31 August, then the last day of February, then 31 August again). A stored plan's next maintenance is the window open on the clinic's today, or else the next to open.").AppendLine();

        md.AppendLine("## What to expect and when").AppendLine();
        md.AppendLine("| milestone | days | counted from | sources |").AppendLine("|---|---|---|---|");
        foreach (var m in rules.Milestones)
        {
            md.AppendLine(Invariant, $"| {Cell(m.Label)} | {m.FromDays}-{m.ToDays} | {(m.Anchor == MilestoneAnchor.FirstSession ? "first session" : "last session")} | {Sources(m.Citations)} |");
        }

        md.AppendLine().AppendLine("## Adjustments for the patient's answers").AppendLine();
        md.AppendLine("| rule | when | effect | reason given | sources |").AppendLine("|---|---|---|---|---|");
        foreach (var m in rules.Modifiers)
        {
            var effect = m.Effect switch
            {
                EffectKind.SessionsUp => $"+{m.Steps} session(s)",
                EffectKind.SessionsDown => $"-{m.Steps} session(s)",
                EffectKind.IntervalLonger => $"+{m.Steps} week(s) between sessions",
                EffectKind.MaintenanceEarlier => "maintenance earlier",
                EffectKind.MaintenanceLater => "maintenance later",
                _ => "advice",
            };
            md.AppendLine(Invariant, $"| {m.Id} | {When(m.When)} | {effect} | {Cell(m.Reason)} | {Sources(m.Citations)} |");
        }

        md.AppendLine().AppendLine("## Screening").AppendLine();
        md.AppendLine("Refer: a clinician must assess first, and the plan is shown as provisional. Caution: the plan stands, with a point to discuss.").AppendLine();
        md.AppendLine("| code | when | action | message | sources |").AppendLine("|---|---|---|---|---|");
        foreach (var s in rules.Screening)
        {
            md.AppendLine(Invariant, $"| {s.Code} | {When(s.When)} | {s.Action} | {Cell(s.Message)} | {Sources(s.Citations)} |");
        }

        md.AppendLine().AppendLine("## Aftercare").AppendLine();
        md.AppendLine("| when | advice | sources |").AppendLine("|---|---|---|");
        foreach (var a in rules.Aftercare)
        {
            md.AppendLine(Invariant, $"| {a.Timing} | {Cell(a.Text)} | {Sources(a.Citations)} |");
        }

        md.AppendLine().AppendLine("## Other treatments that may help").AppendLine();
        md.AppendLine("| treatment | suggested when | reason | sources |").AppendLine("|---|---|---|---|");
        foreach (var a in rules.Adjuncts)
        {
            md.AppendLine(Invariant, $"| {a.Treatment} | {When(a.When)} | {Cell(a.Reason)} | {Sources(a.Citations)} |");
        }

        md.AppendLine().AppendLine("## Where the sources disagree").AppendLine();
        md.AppendLine("| topic | default and why | the alternative shown to patients | sources |").AppendLine("|---|---|---|---|");
        foreach (var d in rules.Disagreements)
        {
            md.AppendLine(Invariant, $"| {d.Topic} | {Cell(d.DefaultChoice)} | {Cell(d.Alternative)} | {Sources(d.Citations)} |");
        }

        md.AppendLine().AppendLine("## Sources").AppendLine();
        md.AppendLine("Patients see each source by the name below, never by a file name.").AppendLine();
        md.AppendLine("| id | kind | title | author or publisher | year | shown to patients as |").AppendLine("|---|---|---|---|---|---|");
        foreach (var s in rules.Sources)
        {
            md.AppendLine(Invariant, $"| {s.Id} | {s.Kind} | {Cell(s.Title)} | {Cell(s.Author ?? "not named")} | {s.Year} | {Cell(s.Name)} |");
        }

        md.AppendLine().AppendLine("## Citations").AppendLine();
        md.AppendLine("| id | source | line | quote or finding | grade |").AppendLine("|---|---|---|---|---|");
        foreach (var c in rules.Citations)
        {
            md.AppendLine(Invariant, $"| {c.Id} | {Cell(c.Source)} | {c.Line} | {Cell(c.Quote)} | {Grade(c.Grade)} |");
        }

        return md.ToString();
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    private static string Grade(EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.ConsumerArticle => "consumer article",
        EvidenceGrade.ClinicConvention => "clinic convention",
        EvidenceGrade.PeerReviewed => "peer-reviewed",
        _ => "regulator",
    };
}
