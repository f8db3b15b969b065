using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Components.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out must be a POST with an antiforgery token, which a component cannot answer itself.</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/Account/Logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
        {
            // The framework checks the token only for endpoints that bind form fields, and this one binds
            // none: without this check any site could sign a patient out.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                // With a body of its own, the status-code page (which cannot take a POST) is not shown instead.
                return Results.Text(
                    "You are still signed in: the sign-out request did not come from this site's own page. Reload the page and press Sign out again.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }

            // A new security stamp ends the session on the server: a copy of the sign-in cookie stops
            // working at its next request (the stamp is checked on every request, see AccountsSetup.RejectStaleStampAsync).
            // It also signs the account out in its other browsers.
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/");
        });
}
