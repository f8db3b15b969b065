using System.Text.Json;
using System.Text.Json.Serialization;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Features.Plans;

namespace MicroneedlingPlanner.Web.Features.Rules;

/// <summary>
/// A rule set as JSON: the same shape as <c>/api/rules/current</c> and the plans' snapshots. Reading
/// an admin's file is strict (unknown or missing properties and numbers for enums are refused), so a
/// typo in an import is named instead of silently becoming a default.
/// </summary>
public static class RulesJson
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = true,
    };

    public static string Write(RuleSet rules) => JsonSerializer.Serialize(rules, Strict);

    public static RuleSet Read(string json) => Snapshot.Read<RuleSet>(json);

    /// <summary>The rule set in an admin's file, or why it cannot be read, naming where in the file.</summary>
    public static (RuleSet? Rules, string? Error) TryRead(string json)
    {
        try
        {
            var rules = JsonSerializer.Deserialize<RuleSet>(json, Strict);
            return rules is null ? (null, "The file holds no rule set (it is JSON null).") : (rules, null);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" at {e.Path}";
            var line = e.LineNumber is { } n ? $" (line {n + 1})" : "";
            return (null, $"The file is not a rule set this app can read{where}{line}: {Plain(e)}");
        }
    }

    // System.Text.Json's messages name CLR types; the part before "Path:" is the useful one.
    private static string Plain(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
