namespace MicroneedlingPlanner.E2E;

/// <summary>A fresh browser context per test; a screenshot of the page when the test fails.</summary>
[Collection(InBrowser.Name)]
public abstract class BrowserTest(BrowserFixture app) : IAsyncLifetime
{
    private IBrowserContext context = default!;

    protected BrowserFixture App { get; } = app;

    protected IPage Page { get; private set; } = default!;

    public virtual async ValueTask InitializeAsync()
    {
        context = await BrowserContexts.NewAsync(App.Browser, App.BaseAddress);
        context.SetDefaultTimeout(15_000);
        Page = await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await Page.ScreenshotAsync(new() { Path = Artifacts.ScreenshotPath(TestContext.Current.Test?.TestDisplayName ?? "failure"), FullPage = true });
        }

        await context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public static class Artifacts
{
    /// <summary>The README's pictures, in docs/screenshots, refreshed by every run of the browser tests.</summary>
    public static string DocsScreenshotPath(string name)
    {
        var folder = Path.Combine(RepositoryRoot()?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    /// <summary>The folder holding MicroneedlingPlanner.sln, found upwards from the test binaries.</summary>
    public static DirectoryInfo? RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "MicroneedlingPlanner.sln")))
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>Under test-artifacts/ at the repository root, which git ignores.</summary>
    public static string ScreenshotPath(string name) => TestArtifactPath("screenshots", name, ".png");

    /// <summary>Printed pages, kept for a person to look at; under test-artifacts/ like the screenshots.</summary>
    public static string PdfPath(string name) => TestArtifactPath("printed", name, ".pdf");

    private static string TestArtifactPath(string kind, string name, string extension)
    {
        var folder = Path.Combine(RepositoryRoot()?.FullName ?? Path.GetTempPath(), "test-artifacts", kind);
        Directory.CreateDirectory(folder);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
        return Path.Combine(folder, safe[..Math.Min(safe.Length, 120)] + extension);
    }
}
