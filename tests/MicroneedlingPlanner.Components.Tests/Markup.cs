using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MicroneedlingPlanner.Components.Tests;

/// <summary>Finds elements the way a person names them: by their visible text.</summary>
internal static class Markup
{
    public static IElement Button(this IRenderedComponent<IComponent> component, string text) =>
        component.FindAll("button").SingleOrDefault(b => Text(b) == text)
        ?? throw new Xunit.Sdk.XunitException($"No button '{text}' in:\n{component.Markup}");

    /// <summary>Clicks the button and waits for its handler to finish.</summary>
    public static Task PressAsync(this IRenderedComponent<IComponent> component, string text) =>
        component.Button(text).PressAsync();

    public static Task PressAsync(this IElement element) => element.ClickAsync(new MouseEventArgs());

    /// <summary>
    /// Clicks without waiting for the handler: a button that opens a dialog finishes only when the
    /// dialog closes, so the test looks for the dialog instead.
    /// </summary>
    public static void ClickWithoutWaiting(this IElement element) => _ = element.PressAsync();

    public static bool HasButton(this IRenderedComponent<IComponent> component, string text) =>
        component.FindAll("button").Any(b => Text(b) == text);

    /// <summary>Text with runs of white space collapsed, as a browser shows it.</summary>
    public static string Text(this INode node) => string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Fails when hostile text became markup: a script, frame or object element, an inline
    /// event-handler attribute or a javascript: link. Text inside a quoted attribute is safe, so
    /// the serialised markup may still hold the characters; the parsed document must not hold elements.
    /// </summary>
    public static void AssertNoInjectedMarkup(this IRenderedComponent<IComponent> component)
    {
        Assert.Empty(component.FindAll("script, iframe, object, embed"));
        foreach (var element in component.FindAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Name is "href" or "src" && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        }
    }
}
