using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>Bound from the <c>App</c> section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";
    public const string PublicBaseUrlSetting = "App:PublicBaseUrl";

    /// <summary>The address patients reach the app at, such as <c>https://planner.example.org/</c>. Required outside Development.</summary>
    public string? PublicBaseUrl { get; set; }
}

internal sealed class AppOptionsValidator(IHostEnvironment environment) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"{AppOptions.PublicBaseUrlSetting} is missing. Set it to the address patients use to reach the app, such as " +
                    "https://planner.example.org/: the links in account emails (email confirmation, password reset) are built from it.");
        }

        return EmailLinks.ParseBase(options.PublicBaseUrl) is null
            ? ValidateOptionsResult.Fail(
                $"{AppOptions.PublicBaseUrlSetting} is '{options.PublicBaseUrl}'. Use an absolute http or https address without a query, " +
                "such as https://planner.example.org/.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>
/// Addresses for links that go out in emails. They start from <c>App:PublicBaseUrl</c>, never from
/// the request: its Host header is chosen by whoever sends it, and a forged one would otherwise put
/// another site into a genuine password-reset email. Only Development without the setting falls
/// back to the request's address.
/// </summary>
internal sealed class EmailLinks(NavigationManager navigation, IOptions<AppOptions> options)
{
    /// <param name="path">A path relative to the app's root, such as <c>Account/ResetPassword</c>.</param>
    /// <param name="query">Query parameters; those with a null value are left out.</param>
    public string To(string path, IReadOnlyDictionary<string, object?> query)
    {
        var site = ParseBase(options.Value.PublicBaseUrl) ?? new Uri(navigation.BaseUri);
        return navigation.GetUriWithQueryParameters(new Uri(site, path).AbsoluteUri, query);
    }

    /// <summary>The configured address as a base for relative paths (with its trailing slash), or null when it cannot be one.</summary>
    internal static Uri? ParseBase(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        // A base needs its trailing slash, or the last segment of its path would be replaced by the link's.
        return Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var site)
            && site.Scheme is "http" or "https" && site.Query.Length == 0 && site.Fragment.Length == 0
                ? site
                : null;
    }
}
