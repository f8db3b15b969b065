using MicroneedlingPlanner.Domain.Rules;
using Microsoft.AspNetCore.Components;

namespace MicroneedlingPlanner.Web.Components.Pages.Admin.Rules;

/// <summary>What every section of the rule editor is given: the rule set, its problems, and where to send a changed rule set.</summary>
public abstract class RuleSectionBase : ComponentBase
{
    [Parameter, EditorRequired] public RuleSet Rules { get; set; } = null!;

    [Parameter] public EventCallback<RuleSet> RulesChanged { get; set; }

    [Parameter] public RuleProblems Problems { get; set; } = RuleProblems.None;

    [Parameter] public bool ReadOnly { get; set; }

    protected Task ChangeAsync(RuleSet rules) => RulesChanged.InvokeAsync(rules);

    protected string? Error(string path) => Problems.For(path);

    protected bool HasError(string path) => Problems.Has(path);

    protected static string Id(string path) => RuleProblems.FieldId(path);

    /// <summary>
    /// A field's problem is shown as its helper text and marked with aria-invalid, not with
    /// MudBlazor's Error and ErrorText: MudBlazor 9.12 validates a field when it loses focus and
    /// clears an error set from outside, and the domain's problems must stay until they are fixed.
    /// </summary>
    protected IReadOnlyDictionary<string, object> Invalid(string path) =>
        HasError(path) ? InvalidAttributes : NoAttributes;

    private static readonly Dictionary<string, object> InvalidAttributes = new() { ["aria-invalid"] = "true" };
    private static readonly Dictionary<string, object> NoAttributes = [];

    protected static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int index, T item) => [.. list.Take(index), item, .. list.Skip(index + 1)];

    protected static IReadOnlyList<T> RemoveAt<T>(IReadOnlyList<T> list, int index) => [.. list.Take(index), .. list.Skip(index + 1)];

    protected static IReadOnlyList<T> Append<T>(IReadOnlyList<T> list, T item) => [.. list, item];

    /// <summary>A new id that the list does not use yet: "new-modifier", then "new-modifier-2", ...</summary>
    protected static string NewId(string stem, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var id = stem;
        for (var n = 2; used.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }
}

/// <summary>An item's citations after an edit, with the rule set they now resolve in (adding a citation can add it and its source).</summary>
public sealed record CitedChange(RuleSet Rules, IReadOnlyList<string> Citations);
