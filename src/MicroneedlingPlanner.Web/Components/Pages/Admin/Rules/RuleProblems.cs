using System.Text.RegularExpressions;
using MicroneedlingPlanner.Domain.Rules;

namespace MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;

/// <summary>
/// The validator's problems looked up by path, so each field can show its own. Paths follow the
/// validator's grammar (<c>modifiers[2].when[0]</c>); a field's element id is made from its path.
/// </summary>
public sealed partial class RuleProblems(IReadOnlyList<RuleProblem> all)
{
    public static readonly RuleProblems None = new([]);

    public IReadOnlyList<RuleProblem> All { get; } = all;

    /// <summary>The messages for exactly this path, as one text, or null when it has none.</summary>
    public string? For(string path)
    {
        var messages = All.Where(p => p.Path == path).Select(p => p.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public bool Has(string path) => All.Any(p => p.Path == path);

    /// <summary>Problems on this path or anything inside it.</summary>
    public int CountWithin(string path) => All.Count(p => IsWithin(p.Path, path));

    public static bool IsWithin(string path, string prefix) =>
        path == prefix || (path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] is '.' or '[');

    /// <summary>The element id of a path's field: <c>modifiers[2].when[0]</c> becomes <c>rule-modifiers-2-when-0</c>.</summary>
    public static string FieldId(string path) => "rule-" + NotIdCharacters().Replace(path, "-").Trim('-');

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotIdCharacters();
}
