namespace MicroneedlingPlanner.Domain.Rules;

public enum SourceKind
{
    /// <summary>A clinic's or blog's article for patients: the five source documents.</summary>
    PatientArticle,

    /// <summary>A study, review or consensus statement in a journal.</summary>
    Publication,

    /// <summary>A regulator's authorisation, labelling or safety notice.</summary>
    Regulator,

    /// <summary>The literature notes kept with the rules, where they sum up several sources or say that none was found.</summary>
    LiteratureNotes,
}

/// <summary>
/// A document the rules cite, as a patient is shown it: by title and author or publisher, never
/// by a file name. <see cref="Id"/> is what citations point to; for a source document it is the
/// file name without <c>.txt</c>, so its quotes can be checked against the text.
/// </summary>
/// <param name="Title">The title; for a publication whose title the notes do not give, its journal reference.</param>
/// <param name="Author">The author or publisher as the source gives it, or null when it names none.</param>
public sealed record Source(string Id, SourceKind Kind, string Title, string? Author, int? Year)
{
    /// <summary>One line naming the source, e.g. "Aestheticus Med Spa, Brooklyn, NY: Is Microneedling Permanent? …".</summary>
    public string Name => (Author, Year) switch
    {
        (null, null) => Title,
        (null, { } year) => $"{Title} ({year})",
        ({ } author, null) => $"{author}: {Title}",
        ({ } author, { } year) => $"{author} ({year}): {Title}",
    };
}
