namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>
/// Adding a source to a rule set as an admin cites it: a citation is only usable when its source
/// is in the same rule set, so both arrive together.
/// </summary>
public static class RuleSetCitations
{
    /// <summary>
    /// Adds a citation from the default catalogue (<see cref="DefaultCitations"/>), with its
    /// source, unless the rule set already has them under the same ids.
    /// </summary>
    public static RuleSet WithCatalogueCitation(this RuleSet rules, Citation citation)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(citation);
        if (rules.Sources.All(s => s.Id != citation.Source)
            && DefaultCitations.Sources.FirstOrDefault(s => s.Id == citation.Source) is { } source)
        {
            rules = rules with { Sources = [.. rules.Sources, source] };
        }

        return rules.Citations.Any(c => c.Id == citation.Id) ? rules : rules with { Citations = [.. rules.Citations, citation] };
    }

    /// <summary>
    /// Adds a publication as a new source and a citation of it with no line (a publication is
    /// cited as a whole, by what it reports in brief). Ids are made from the first author and the
    /// year, and never reuse one already in the rule set.
    /// </summary>
    /// <returns>The rule set with both added, and the new citation's id.</returns>
    public static (RuleSet Rules, string CitationId) WithPublication(
        this RuleSet rules, string? authors, int? year, string title, EvidenceGrade grade, string summary)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var author = string.IsNullOrWhiteSpace(authors) ? null : authors.Trim();
        var stem = new string((author ?? title).Split([' ', ',', '&', '.'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault("Publication").Where(char.IsLetterOrDigit).ToArray()) + year;
        var sourceId = Unused(stem, id => rules.Sources.Any(s => s.Id == id) || rules.Citations.Any(c => c.Id == "LIT-" + id));
        var source = new Source(sourceId, SourceKind.Publication, title.Trim(), author, year);
        var citation = new Citation("LIT-" + sourceId, null, sourceId, null, summary.Trim(), grade);
        return (rules with { Sources = [.. rules.Sources, source], Citations = [.. rules.Citations, citation] }, citation.Id);
    }

    private static string Unused(string stem, Func<string, bool> taken)
    {
        var id = stem;
        for (var n = 2; taken(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }
}
