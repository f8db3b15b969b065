using System.Text;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace MicroneedlingPlanner.Web.Components.Account;

/// <summary>
/// The email-confirmation link: the token goes into the URL Base64url-encoded next to the user id
/// (never the address), and <see cref="ConfirmAsync"/> undoes exactly that.
/// </summary>
internal static class ConfirmationLink
{
    public static async Task<string> CreateAsync(UserManager<ApplicationUser> users, NavigationManager navigation, ApplicationUser user, string? returnUrl)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        return navigation.GetUriWithQueryParameters(
            navigation.ToAbsoluteUri("Account/ConfirmEmail").AbsoluteUri,
            new Dictionary<string, object?> { ["userId"] = user.Id, ["code"] = code, ["returnUrl"] = returnUrl });
    }

    public static async Task<bool> ConfirmAsync(UserManager<ApplicationUser> users, string userId, string code)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return false;
        }

        try
        {
            return (await users.ConfirmEmailAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)))).Succeeded;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
