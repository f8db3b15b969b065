using System.Globalization;
using System.Text.RegularExpressions;
using MicroneedlingPlanner.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Utilities;

namespace MicroneedlingPlanner.Components.Tests.Layout;

/// <summary>
/// WCAG 2.2 AA contrast for the theme's colours where they carry text (4.5:1) or outline an input
/// (3:1), computed with the WCAG relative-luminance formula. Needs no app: the theme is plain data.
/// </summary>
public sealed partial class ThemeContrastTests
{
    private const double Text = 4.5;
    private const double NonText = 3.0;

    /// <summary>The selected-answer and notice background, set in app.css rather than the theme.</summary>
    private const string Tint = "planner-tint";

    public static TheoryData<string, string, double> Pairs => new()
    {
        { nameof(Palette.PrimaryContrastText), nameof(Palette.Primary), Text },
        { nameof(Palette.SecondaryContrastText), nameof(Palette.Secondary), Text },
        { nameof(Palette.AppbarText), nameof(Palette.AppbarBackground), Text },
        { nameof(Palette.DrawerText), nameof(Palette.DrawerBackground), Text },
        { nameof(Palette.TextPrimary), nameof(Palette.Background), Text },
        { nameof(Palette.TextPrimary), nameof(Palette.Surface), Text },
        { nameof(Palette.TextSecondary), nameof(Palette.Background), Text },
        { nameof(Palette.TextSecondary), nameof(Palette.Surface), Text },
        // Outlined alerts and buttons write in these colours on the page's surface.
        { nameof(Palette.Error), nameof(Palette.Surface), Text },
        { nameof(Palette.Success), nameof(Palette.Surface), Text },
        { nameof(Palette.Warning), nameof(Palette.Surface), Text },
        { nameof(Palette.Primary), nameof(Palette.Surface), Text },
        { nameof(Palette.TextPrimary), Tint, Text },
        { nameof(Palette.Primary), Tint, Text },
        { nameof(Palette.LinesInputs), nameof(Palette.Surface), NonText },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Theme_colours_meet_WCAG_AA_contrast(string foreground, string background, double minimum)
    {
        var ratio = Contrast(Colour(foreground), Colour(background));

        Assert.True(ratio >= minimum, $"{foreground} on {background}: {ratio:0.00}:1, needs {minimum}:1");
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#767676", "#ffffff", 4.54)]
    [InlineData("#777777", "#ffffff", 4.48)]
    public void The_contrast_formula_gives_the_known_ratios(string foreground, string background, double expected)
    {
        Assert.Equal(expected, Contrast(new MudColor(foreground), new MudColor(background)), precision: 2);
    }

    private static MudColor Colour(string name)
    {
        if (name == Tint)
        {
            var css = File.ReadAllText(RepositoryFile("src/MicroneedlingPlanner.Web/wwwroot/app.css"));
            var tint = TintDeclaration().Match(css);
            Assert.True(tint.Success, "app.css no longer declares --planner-tint as a #rrggbb colour");
            return new MudColor(tint.Groups[1].Value);
        }

        var colour = (MudColor)typeof(Palette).GetProperty(name)!.GetValue(PlannerTheme.Theme.PaletteLight)!;
        // A translucent colour's contrast depends on what lies beneath, which this test cannot know.
        Assert.True(colour.A == 255, $"{name} is not opaque");
        return colour;
    }

    private static double Contrast(MudColor a, MudColor b)
    {
        var (lighter, darker) = (Math.Max(Luminance(a), Luminance(b)), Math.Min(Luminance(a), Luminance(b)));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Luminance(MudColor c) => (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(byte channel)
    {
        var s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"--planner-tint:\s*(#[0-9a-fA-F]{6})\s*;")]
    private static partial Regex TintDeclaration();
}
