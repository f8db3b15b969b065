using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace MicroneedlingPlanner.Web.Features.Transport;

/// <summary>
/// The Content Security Policy every response carries, with a fresh nonce for each. Why each
/// directive is there: docs/reliability.md, "Transport and browser".
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    /// <summary>The nonce of this response, for the page's one inline script (the import map, see App.razor).</summary>
    public static string Nonce(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseContentSecurityPolicy must run before the page renders.");

    public static string For(string nonce) => string.Join("; ",
        "default-src 'self'",
        // Scripts only from the app's own files, and inline only with this response's nonce: an
        // injected <script> or onclick= does not run. Blazor Server needs no eval.
        $"script-src 'self' 'nonce-{nonce}'",
        // MudBlazor writes its theme as a <style> element it gives no nonce, and its components set
        // style="" attributes (positions, sizes, colours), which a nonce cannot cover
        // (MudBlazor/MudBlazor#4529). A nonce here would also switch 'unsafe-inline' off. Inline
        // styles cannot run script; what is left to an attacker is restyling the page.
        "style-src 'self' 'unsafe-inline'",
        // The authenticator QR code is a data: image.
        "img-src 'self' data:",
        // The circuit's WebSocket goes to this origin, which 'self' covers (CSP level 3).
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // base64url: nothing in it needs escaping in the HTML attribute.
            var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // When the response starts: the error handler clears headers set before it ran.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentSecurityPolicy = For(nonce);
                return Task.CompletedTask;
            });
            return next(context);
        });
}
