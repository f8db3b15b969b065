namespace MicroneedlingPlanner.Domain.Rules;

/// <summary>
/// How the five source documents are named to a patient: by title and publisher, never by file
/// name (the table "The documents: how to name them to a patient" in seed-facts.md).
/// </summary>
public static class SourceDocuments
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["000_2dc876317c3efb0c"] = "“Are Microneedling Results Permanent?”, a skincare article for patients (publisher not named)",
        ["001_7e0816e3f0eb3eee"] = "“Is Microneedling Permanent? Here's What You Need to Know”, Aestheticus Med Spa, Brooklyn, NY",
        ["002_0a62f991961f9276"] = "“What Is Microneedling And How Long Do The Effects Of It Last”, a skincare article for patients (publisher not named)",
        ["003_d8a1b3cc82fea343"] = "“Are Microneedling Results Permanent for Treating Acne Scars?”, Kristie Pacheco, Digital Woman Award blog, 2025",
        ["004_0fb743432a5ac36e"] = "A guide to how long microneedling lasts, 32 Med Spa",
    };

    /// <summary>The name a patient reads; a publication's reference is already readable and is returned as it is.</summary>
    public static string DisplayName(string document) => Names.GetValueOrDefault(document, document);
}
