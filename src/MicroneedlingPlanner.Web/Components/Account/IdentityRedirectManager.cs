using Microsoft.AspNetCore.Components;

namespace MicroneedlingPlanner.Web.Components.Account;

/// <summary>Redirects from the static Identity pages, refusing anything that leaves the site.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigation)
{
    public const string StatusCookieName = "planner.status";

    private static readonly CookieBuilder StatusCookie = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        // The address is resolved against the site's own and must stay under it ("//host" and "http://host"
        // resolve elsewhere and go home). Its escaped form goes out: the redirect puts it into the Location
        // header, where Kestrel refuses non-ASCII characters (a return URL with "é" used to give 500).
        var site = new Uri(navigation.BaseUri);
        var target = Uri.TryCreate(site, uri ?? "", out var resolved) && site.IsBaseOf(resolved) ? resolved : site;
        navigation.NavigateTo(target.AbsoluteUri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> query) =>
        RedirectTo(navigation.GetUriWithQueryParameters(navigation.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path), query));

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookie.Build(context));
        RedirectTo(uri);
    }
}
