using System.Globalization;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OtpNet;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>Bound from <c>Accounts:TwoFactor</c>; checked at start-up.</summary>
public sealed class TwoFactorSettings
{
    public const string Section = "Accounts:TwoFactor";

    /// <summary>
    /// Development only: lets one authenticator code sign in more than once, as browser tests do
    /// with the development accounts' fixed key many times a minute. Refused elsewhere.
    /// </summary>
    public bool AllowCodeReuse { get; set; }
}

internal sealed class TwoFactorSettingsValidator(IHostEnvironment environment) : IValidateOptions<TwoFactorSettings>
{
    public ValidateOptionsResult Validate(string? name, TwoFactorSettings options) =>
        options.AllowCodeReuse && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail($"{TwoFactorSettings.Section}:AllowCodeReuse is true, which lets a code seen over someone's shoulder sign in again. It is allowed only in Development.")
            : ValidateOptionsResult.Success;
}

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238), each accepted once (OWASP ASVS 5.0, 6.5.1): the time step
/// of the last code accepted is kept with the account, and a code of that step or an earlier one is
/// refused. Identity's own provider accepts a code again and again for two and a half minutes; here a
/// code counts in its own 30-second step and one step either side, for phone clocks that drift.
/// Replaces Identity's provider for sign-in and for turning two-factor sign-in on.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(IOptionsMonitor<TwoFactorSettings> settings) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string Name = "PlannerAuthenticator";

    private const string TokenProvider = "[Planner]";
    private const string LastStepToken = "LastAuthenticatorStep";

    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app on the phone makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        // The phone's clock, not the app's (which tests move): real time.
        if (!new Totp(Base32Encoding.ToBytes(key)).VerifyTotp(token, out var step, OneStepEitherSide))
        {
            return false;
        }

        if (settings.CurrentValue.AllowCodeReuse)
        {
            return true;
        }

        if (await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken) is { } last
            && long.Parse(last, CultureInfo.InvariantCulture) >= step)
        {
            return false;
        }

        // Saved with the account's concurrency stamp: of two sign-ins racing with one code, one fails here.
        return (await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }
}
