namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>How much weight a source carries, weakest first.</summary>
public enum EvidenceGrade
{
    /// <summary>A clinic's or blog's article for patients (the five source documents).</summary>
    ConsumerArticle,

    /// <summary>What clinics commonly do, with no study behind the figure.</summary>
    ClinicConvention,

    /// <summary>A peer-reviewed publication (usually its abstract).</summary>
    PeerReviewed,

    /// <summary>A regulator's authorisation, labelling or safety notice.</summary>
    Regulator,
}

/// <summary>
/// Where a number or a piece of advice comes from: a source in the rule set's list and, for a
/// source document, the line and a short quotation that stands on it; for a publication, no
/// line and what it reports in brief.
/// </summary>
/// <param name="Id">Unique in a rule set, e.g. <c>SF-12:003:41</c> or <c>LIT-Harris2015</c>.</param>
/// <param name="Fact">The seed-fact id from seed-facts.md (e.g. <c>SF-12</c>), if any.</param>
/// <param name="Source">The id of a <see cref="Rules.Source"/> in the same rule set.</param>
public sealed record Citation(string Id, string? Fact, string Source, int? Line, string Quote, EvidenceGrade Grade);
