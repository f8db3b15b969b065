using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Domain.Tests.Rules;

public sealed class RuleSetCitationsTests
{
    private static readonly RuleSet Defaults = DefaultRules.Create();

    [Fact]
    public void A_catalogue_citation_brings_its_source_when_the_rule_set_lacks_both()
    {
        var fact = DefaultCitations.All.Single(c => c.Id == "SF-12:003:41");
        var without = Defaults with
        {
            Citations = [.. Defaults.Citations.Where(c => c.Source != fact.Source)],
            Sources = [.. Defaults.Sources.Where(s => s.Id != fact.Source)],
        };

        var with = without.WithCatalogueCitation(fact);

        Assert.Equal(fact, with.Citations[^1]);
        Assert.Equal(DefaultCitations.Sources.Single(s => s.Id == fact.Source), with.Sources[^1]);
        Assert.Equal(without.Citations.Count + 1, with.Citations.Count);
    }

    [Fact]
    public void A_catalogue_citation_already_there_adds_nothing()
    {
        var with = Defaults.WithCatalogueCitation(Defaults.Citations[0]);

        Assert.Equal(Defaults.Citations, with.Citations);
        Assert.Equal(Defaults.Sources, with.Sources);
    }

    [Fact]
    public void A_publication_becomes_a_source_and_a_citation_with_no_line_under_ids_not_yet_used()
    {
        var (once, first) = Defaults.WithPublication("Harris, Naidoo & Murrell", 2015, " Int J Womens Dermatol 1:77 ", EvidenceGrade.PeerReviewed, "review of 20 studies ");
        var (twice, second) = once.WithPublication(null, null, "Consensus on aftercare", EvidenceGrade.ClinicConvention, "no picking");

        // Harris2015 is a default source already, so the new one is numbered.
        Assert.Equal("LIT-Harris2015-2", first);
        Assert.Equal(new Source("Harris2015-2", SourceKind.Publication, "Int J Womens Dermatol 1:77", "Harris, Naidoo & Murrell", 2015), once.Sources[^1]);
        Assert.Equal(new Citation("LIT-Harris2015-2", null, "Harris2015-2", null, "review of 20 studies", EvidenceGrade.PeerReviewed), once.Citations[^1]);
        Assert.Equal("LIT-Consensus", second);
        Assert.Null(twice.Sources[^1].Author);
        Assert.Empty(RuleSetValidator.Validate(twice));
    }
}
