using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>How many wrong passwords or codes in a row lock an account, and for how long (ASVS 6.3).</summary>
public sealed class LockoutSettings
{
    public const string Section = "Accounts:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;

    public int Minutes { get; set; } = 15;
}

internal sealed class LockoutSettingsValidator : IValidateOptions<LockoutSettings>
{
    public ValidateOptionsResult Validate(string? name, LockoutSettings options)
    {
        List<string> problems = [];
        if (options.MaxFailedAttempts is < 1 or > 100)
        {
            problems.Add($"{LockoutSettings.Section}:MaxFailedAttempts must be from 1 to 100 (found {options.MaxFailedAttempts}).");
        }

        if (options.Minutes is < 1 or > 1440)
        {
            problems.Add($"{LockoutSettings.Section}:Minutes must be from 1 to 1440, a day (found {options.Minutes}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
