using System.Text.Json;
using System.Text.Json.Serialization;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Rules;

public sealed class DefaultRulesTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void The_default_rules_are_valid() => Assert.Empty(RuleSetValidator.Validate(DefaultRules.Create()));

    [Fact]
    public void The_rules_round_trip_through_json_unchanged()
    {
        var first = JsonSerializer.Serialize(DefaultRules.Create(), Json);

        var back = JsonSerializer.Deserialize<RuleSet>(first, Json)!;

        Assert.Equal(first, JsonSerializer.Serialize(back, Json));
        Assert.Empty(RuleSetValidator.Validate(back));
        Assert.Equal(DefaultRules.Version, back.Version);
    }

    [Fact]
    public void A_patient_sees_every_source_document_by_its_title_never_its_file_name()
    {
        var documents = Directory.GetFiles(SharedFolder.SeedDocuments, "*.txt").Select(System.IO.Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(documents);
        var sources = DefaultRules.Create().Sources.ToDictionary(s => s.Id);

        foreach (var document in documents)
        {
            var title = File.ReadLines(System.IO.Path.Combine(SharedFolder.SeedDocuments, document + ".txt")).First().Trim();
            var source = sources[document!];
            var name = source.Name;
            Assert.Equal(SourceKind.PatientArticle, source.Kind);
            Assert.DoesNotContain(document!, name, StringComparison.Ordinal);
            Assert.DoesNotContain(document![..3], name, StringComparison.Ordinal);
            // Four documents open with their title; 004 has none, and is named by its publisher.
            Assert.True(name.Contains(title, StringComparison.Ordinal) || name.Contains("32 Med Spa", StringComparison.Ordinal), $"{document}: \"{name}\" does not give the title \"{title}\"");
        }
    }

    [Fact]
    public void Every_seed_quote_stands_on_the_line_it_cites()
    {
        var seeds = SharedFolder.SeedDocuments;
        var checkedQuotes = 0;
        foreach (var citation in DefaultRules.Create().Citations.Where(c => c.Line is not null))
        {
            var file = System.IO.Path.Combine(seeds, citation.Source + ".txt");
            Assert.True(File.Exists(file), $"{citation.Id}: no source document {citation.Source}");
            var lines = File.ReadAllLines(file);
            Assert.InRange(citation.Line!.Value, 1, lines.Length);
            Assert.True(lines[citation.Line.Value - 1].Contains(citation.Quote, StringComparison.Ordinal),
                $"{citation.Id}: \"{citation.Quote}\" is not on line {citation.Line} of {citation.Source}");
            checkedQuotes++;
        }

        Assert.True(checkedQuotes > 100, $"only {checkedQuotes} seed quotes were checked");
    }

    [Fact]
    public void Every_publication_is_listed_in_the_literature_notes()
    {
        var notes = File.ReadAllText(System.IO.Path.Combine(SharedFolder.DomainNotes, "literature-notes.md"));

        // Each is found in the notes by its author, or by its title where it has no author (the notes' own sections).
        Assert.All(DefaultRules.Create().Sources.Where(s => s.Kind != SourceKind.PatientArticle),
            s => Assert.True(notes.Contains(s.Kind == SourceKind.LiteratureNotes ? s.Title : s.Author ?? s.Title, StringComparison.Ordinal), $"{s.Id}: '{s.Author ?? s.Title}' is not in literature-notes.md"));
    }

    [Fact]
    public void Every_seed_fact_is_cited_by_some_rule_or_listed_as_a_citation()
    {
        var facts = File.ReadAllLines(System.IO.Path.Combine(SharedFolder.DomainNotes, "seed-facts.md"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\| (SF-\d\d) \|"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        var cited = DefaultRules.Create().Citations.Select(c => c.Fact).ToHashSet();

        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.Contains(f, cited));
    }
}

/// <summary>
/// The folders outside this repository that the rules tests read: the seed documents that the rules
/// quote, and the domain notes that list the seed facts and publications. By default they are in
/// ../shared beside the checkout; an environment variable points elsewhere (the GitHub workflow sets
/// both). A missing folder fails the test with a message that says which variable to set.
/// </summary>
internal static class SharedFolder
{
    public const string SeedDocumentsVariable = "SEED_DOCUMENTS_DIR";
    public const string DomainNotesVariable = "DOMAIN_NOTES_DIR";

    public static string SeedDocuments => Folder(SeedDocumentsVariable, "../shared/seeds", "The seed documents (NNN_*.txt) that the rules quote");

    public static string DomainNotes => Folder(DomainNotesVariable, "../shared/domain", "The domain notes (seed-facts.md, literature-notes.md)");

    private static string Folder(string variable, string fallback, string what)
    {
        var root = RepositoryRoot();
        var chosen = Environment.GetEnvironmentVariable(variable);
        var folder = System.IO.Path.GetFullPath(string.IsNullOrEmpty(chosen) ? fallback : chosen, root);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"{what} are not in {folder}. Set {variable} to the folder that holds them " +
                $"(a relative path is taken from the repository root, {root}); when it is not set they are read from {fallback}.");
        }

        return folder;
    }

    /// <summary>The folder holding MicroneedlingPlanner.sln, found upwards from the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MicroneedlingPlanner.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"MicroneedlingPlanner.sln was not found above {AppContext.BaseDirectory}.");
    }
}
