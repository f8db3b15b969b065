namespace MicroneedlingPlanner.E2E;

/// <summary>
/// A fresh browser context per test; a screenshot of the page when the test fails. A test fails if
/// any page it opened reported a Content Security Policy violation.
/// </summary>
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
        CspViolations.AssertNoneInThisTest();
    }
}

public static class Artifacts
{
    /// <summary>The trait (Category) of the tests that take the README's pictures; scripts/screenshots.sh runs only those.</summary>
    public const string ReadmePictures = "ReadmePictures";

    /// <summary>Names the folder that <see cref="ReadmePicturePath"/> writes to; scripts/screenshots.sh sets it to docs/screenshots.</summary>
    public const string ReadmePicturesVariable = "SCREENSHOTS_DIR";

    /// <summary>
    /// A picture for the README. Test runs keep it under test-artifacts/readme-pictures/, so that
    /// running the tests never changes tracked files; the README's copies in docs/screenshots are
    /// refreshed on purpose by scripts/screenshots.sh, which points SCREENSHOTS_DIR there.
    /// </summary>
    public static string ReadmePicturePath(string name)
    {
        var root = RepositoryRoot()?.FullName ?? Path.GetTempPath();
        var folder = Environment.GetEnvironmentVariable(ReadmePicturesVariable) is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen, root)
            : Path.Combine(root, "test-artifacts", "readme-pictures");
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
