using Microsoft.EntityFrameworkCore.Migrations;

namespace MicroneedlingPlanner.Web.Data.Migrations;

/// <summary>
/// Version 1 of the treatment rules: the default rules as they stood when rules moved into the
/// database, frozen in <c>rules-version-1.json</c> (embedded) so that this migration inserts the
/// same rows whatever the code's defaults later become. Plans stored before then named the
/// defaults by a date; they are relabelled as version 1, which is the same rule set.
/// </summary>
internal static class RuleVersionOneSeed
{
    public const string OldLabel = "default-2026-11-22";

    public static string Json()
    {
        using var stream = typeof(RuleVersionOneSeed).Assembly.GetManifestResourceStream("MicroneedlingPlanner.Web.rules-version-1.json")
            ?? throw new InvalidOperationException("The embedded resource rules-version-1.json is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <param name="columnTypes">The provider's types for Number, State, RulesJson, three timestamps, ChangeNote and Revision: a migration without a designer file has no model to read them from.</param>
    public static void Insert(MigrationBuilder migrationBuilder, string[] columnTypes, DateTime publishedAt) =>
        migrationBuilder.InsertData(
            table: "RuleVersions",
            columns: ["Number", "State", "RulesJson", "CreatedAt", "UpdatedAt", "PublishedAt", "ChangeNote", "Revision"],
            columnTypes: columnTypes,
            values: new object[] { 1, "Published", Json(), publishedAt, publishedAt, publishedAt, "The default rules, from the five source documents and the literature notes.", 0 });
}
