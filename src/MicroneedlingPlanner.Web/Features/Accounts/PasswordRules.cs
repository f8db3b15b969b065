namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// Length is what makes a password strong, so there are no composition rules: a long passphrase
/// of ordinary words is welcome (OWASP ASVS 5.0, 6.2: at least 12 characters, 64 or more allowed,
/// no rules on the kinds of characters; 6.2.4: not on a list of common or breached passwords,
/// <see cref="BreachedPasswordValidator"/>). Every form that sets a password reads these.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>Far above the 64 ASVS asks to allow; only a bound on what the server will hash.</summary>
    public const int MaximumLength = 256;

    public const string Hint = "At least 12 characters, and not one of the common or leaked passwords attackers try first. Any characters are allowed: a few unrelated words make a strong password that is easy to remember.";

    public const string LengthMessage = "Your password needs at least 12 characters (and at most 256).";
}
