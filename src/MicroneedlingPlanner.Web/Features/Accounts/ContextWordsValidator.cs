using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>Bound from <c>Accounts:Passwords</c>.</summary>
public sealed class PasswordSettings
{
    public const string Section = "Accounts:Passwords";

    /// <summary>Words of this clinic that attackers would try, added to <see cref="ContextWordsValidator.BuiltIn"/>: its name, town, street.</summary>
    public List<string> ContextWords { get; set; } = [];
}

/// <summary>
/// Words anyone would guess for this site (OWASP ASVS 5.0, 6.1.2 and 6.2.11) do not count toward a
/// password: the treatment, the app, the roles, the clinic's own words from configuration, and the
/// user's email address. A password that is little more than those ("Microneedling2026!") is
/// refused; a passphrase that happens to hold one ("acne scars are hard to live with") is fine.
/// </summary>
public sealed class ContextWordsValidator(IOptionsMonitor<PasswordSettings> settings) : IPasswordValidator<ApplicationUser>
{
    public const string Code = "PasswordContextWords";

    public const string Message = "This password is mostly words anyone would guess for this site, such as the treatment's or the clinic's name or your email address. Add words of your own.";

    /// <summary>What is left once those words are taken out must still be this long (ASVS 6.2.1's own minimum).</summary>
    public const int LeftAtLeast = 8;

    public static readonly IReadOnlyList<string> BuiltIn =
    [
        "microneedling", "microneedle", "needling", "dermaroller", "dermapen", "collagen", "planner", "clinic", "skin",
        "acne", "scars", "scar", "patient", "staff", "admin", "administrator", "doctor", "nurse", "password", "welcome",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsMostlyContext(password, WordsFor(user))
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    public static bool IsMostlyContext(string password, IEnumerable<string> words)
    {
        var rest = password;
        // Longest first, so "microneedling" goes before the "needling" inside it.
        foreach (var word in words.Where(w => w.Length >= 3).OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(word, "", StringComparison.OrdinalIgnoreCase);
        }

        return rest.Count(c => !char.IsWhiteSpace(c)) < LeftAtLeast;
    }

    private IEnumerable<string> WordsFor(ApplicationUser user)
    {
        var email = user.Email ?? user.UserName ?? "";
        var local = email.Split('@')[0];
        return
        [
            .. BuiltIn,
            .. settings.CurrentValue.ContextWords,
            local,
            .. local.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries),
        ];
    }
}
