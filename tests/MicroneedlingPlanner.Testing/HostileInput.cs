namespace MicroneedlingPlanner.Testing;

/// <summary>
/// Text a hostile or careless client sends: markup and script, Unicode that misleads or breaks
/// storage, and template syntax. The web and component tests feed it to every form and the API.
/// </summary>
public static class HostileInput
{
    /// <summary>Markup that must never come back unescaped; the tests look for each verbatim in responses.</summary>
    public static IReadOnlyList<string> Markup { get; } =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">open</a>",
        "<svg onload=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "</textarea><script>alert(2)</script>",
        "<iframe src=\"javascript:alert(3)\"></iframe>",
    ];

    /// <summary>Unicode edge cases: RTL override, zero-width, BOM, NUL, lone surrogates, stacked combining marks, emoji.</summary>
    public static IReadOnlyList<string> Unicode { get; } =
    [
        "\u202Egnp.exe",
        "zero\u200Bwidth\uFEFF",
        "nul\u0000inside",
        "\u0000",
        "lone \uD800 high",
        "lone \uDC00 low",
        "Z\u0351\u0352\u0357\u035B\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A",
        "\u200F\u200E\u2066\u2069",
        "👩🏽‍⚕️ Zoë Ångström",
        "line\r\nbreak\ttab\u0007bell\u001B[31m",
    ];

    /// <summary>Other text that servers sometimes evaluate or mishandle.</summary>
    public static IReadOnlyList<string> Other { get; } =
    [
        "",
        "   ",
        "{{7*7}} ${7*7} @(7*7)",
        "Robert'); DROP TABLE plans;--",
        "../../../../etc/passwd",
        "%00%3Cscript%3E",
    ];

    public static IReadOnlyList<string> All { get; } = [.. Markup, .. Unicode, .. Other];

    /// <summary>True when <paramref name="response"/> holds any of <see cref="Markup"/> as written, that is, unescaped.</summary>
    public static string? ReflectedMarkup(string response) =>
        Markup.FirstOrDefault(m => response.Contains(m, StringComparison.OrdinalIgnoreCase));
}
