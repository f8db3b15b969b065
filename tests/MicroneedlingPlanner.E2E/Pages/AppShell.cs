namespace MicroneedlingPlanner.E2E.Pages;

/// <summary>The layout around every page: header, menu and main area.</summary>
public sealed class AppShell(IPage page)
{
    public ILocator MenuToggle => page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });

    public ILocator Menu => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Prerendered pages ignore clicks until the circuit is up; the layout marks that moment.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.Locator("main[data-interactive='yes']").WaitForAsync();

    public Task OpenFromMenuAsync(string item) =>
        Menu.GetByRole(AriaRole.Link, new() { Name = item }).ClickAsync();
}
