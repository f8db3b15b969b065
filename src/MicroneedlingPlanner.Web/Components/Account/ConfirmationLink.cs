using System.Text;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace MicroneedlingPlanner.Web.Components.Account;

/// <summary>
/// The email-confirmation link: the token goes into the URL Base64url-encoded next to the user id
/// (never the address), and <see cref="ConfirmAsync"/> undoes exactly that.
/// </summary>
internal static class ConfirmationLink
{
    private const string RegisteredCookieName = "planner.registered";

    public static async Task<string> CreateAsync(UserManager<ApplicationUser> users, EmailLinks links, ApplicationUser user, string? returnUrl)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        return links.To("Account/ConfirmEmail", new Dictionary<string, object?> { ["userId"] = user.Id, ["code"] = code, ["returnUrl"] = returnUrl });
    }

    /// <returns>The confirmed account, or null when the link does not work.</returns>
    public static async Task<ApplicationUser?> ConfirmAsync(UserManager<ApplicationUser> users, string userId, string code)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        try
        {
            return (await users.ConfirmEmailAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)))).Succeeded ? user : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks this browser as the one that registered the account, so that opening the link here signs
    /// the patient in. Elsewhere the link only confirms: otherwise someone who registered another
    /// person's address with a password of their own could get that person signed in to an account
    /// they control, and read whatever was sent from it. The cookie lasts as long as the link (Identity's
    /// default token lifetime, one day).
    /// </summary>
    public static void RememberRegistration(HttpContext context, ApplicationUser user) =>
        context.Response.Cookies.Append(RegisteredCookieName, user.Id, new CookieBuilder
        {
            HttpOnly = true,
            IsEssential = true,
            // Lax, because the link is opened from a mail program or webmail: a navigation from another site.
            SameSite = SameSiteMode.Lax,
            SecurePolicy = CookieSecurePolicy.SameAsRequest,
            MaxAge = TimeSpan.FromDays(1),
        }.Build(context));

    /// <summary>True once when this browser registered the account (see <see cref="RememberRegistration"/>); the mark is removed.</summary>
    public static bool TakeRegistration(HttpContext context, ApplicationUser user)
    {
        if (context.Request.Cookies[RegisteredCookieName] != user.Id)
        {
            return false;
        }

        context.Response.Cookies.Delete(RegisteredCookieName);
        return true;
    }
}
