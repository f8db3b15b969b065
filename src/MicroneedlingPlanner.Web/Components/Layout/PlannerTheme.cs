using MudBlazor;

namespace MicroneedlingPlanner.Web.Components.Layout;

/// <summary>
/// The one theme of the app. Every colour that carries text is checked for WCAG 2.2 AA contrast
/// (4.5:1 for text, 3:1 for borders and focus rings) by ThemeContrastTests; app.css reads them
/// through MudBlazor's CSS variables instead of repeating them.
/// </summary>
public static class PlannerTheme
{
    // The system's own fonts: nothing to download, and each platform's most legible face.
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            PrimaryContrastText = "#ffffff",
            Secondary = "#4a5a6a",
            SecondaryContrastText = "#ffffff",
            Info = "#1f5f8b",
            Success = "#1e6b34",
            Warning = "#7a5c00",
            Error = "#b3261e",
            TextPrimary = "#1b1b1f",
            TextSecondary = "#44474e",
            AppbarBackground = "#1f5f8b",
            AppbarText = "#ffffff",
            Background = "#f7f8fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1b1b1f",
            LinesDefault = "#74777f",
            LinesInputs = "#74777f",
            ActionDefault = "#44474e",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            H1 = new H1Typography { FontFamily = SystemFonts },
            H2 = new H2Typography { FontFamily = SystemFonts },
            H3 = new H3Typography { FontFamily = SystemFonts },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
