using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features;

/// <summary>
/// Bound from <c>RateLimiting</c>: how many requests of each kind one client (one IP address, as the
/// proxy reports it) may make per minute. Generous for people, tight for scripts guessing passwords
/// or flooding the preview.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    /// <summary>Password, authenticator-code and recovery-code steps together. A clinic behind one address shares it.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>New accounts and "send the confirmation email again".</summary>
    public int RegistrationPerMinute { get; set; } = 10;

    /// <summary>"Forgot your password" and the reset itself.</summary>
    public int PasswordResetPerMinute { get; set; } = 10;

    /// <summary>The plan preview API, which a questionnaire page calls as its answers change.</summary>
    public int PreviewPerMinute { get; set; } = 120;
}

internal sealed class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>
{
    public ValidateOptionsResult Validate(string? name, RateLimitSettings options)
    {
        var failures = new[]
            {
                (nameof(options.SignInPerMinute), options.SignInPerMinute),
                (nameof(options.RegistrationPerMinute), options.RegistrationPerMinute),
                (nameof(options.PasswordResetPerMinute), options.PasswordResetPerMinute),
                (nameof(options.PreviewPerMinute), options.PreviewPerMinute),
            }
            .Where(setting => setting.Item2 < 1)
            .Select(setting => $"{RateLimitSettings.Section}:{setting.Item1} is {setting.Item2}. Use a whole number of 1 or more.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>ASP.NET Core's rate limiter on the requests worth guessing or flooding; everything else is unlimited.</summary>
public static class RateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The POSTs that are limited, each with its group (a group's paths share one count per client) and its limit.</summary>
    private static readonly Dictionary<string, (string Group, Func<RateLimitSettings, int> Limit)> Limited = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = ("sign-in", s => s.SignInPerMinute),
        ["/Account/LoginWith2fa"] = ("sign-in", s => s.SignInPerMinute),
        ["/Account/LoginWithRecoveryCode"] = ("sign-in", s => s.SignInPerMinute),
        ["/Account/Register"] = ("registration", s => s.RegistrationPerMinute),
        ["/Account/ResendEmailConfirmation"] = ("registration", s => s.RegistrationPerMinute),
        ["/Account/ForgotPassword"] = ("password-reset", s => s.PasswordResetPerMinute),
        ["/Account/ResetPassword"] = ("password-reset", s => s.PasswordResetPerMinute),
        ["/api/plans/preview"] = ("preview", s => s.PreviewPerMinute),
    };

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<RateLimitSettings>, RateLimitSettingsValidator>();
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section).ValidateOnStart();
        // Configured below, where the settings can be read.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((limiter, settings) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !Limited.TryGetValue(context.Request.Path.Value ?? "", out var limited))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var permits = limited.Limit(settings.Value);
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{limited.Group}|{client}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });
            });
            limiter.OnRejected = RefuseAsync;
        });
        return services;
    }

    /// <summary>429 with Retry-After, and a sentence saying how long to wait: problem details for the API, a page for forms.</summary>
    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many attempts from your connection in a short time. Please wait {seconds} seconds, then try again.";
        if (HttpConventions.IsApi(http))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = message },
            });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var back = System.Net.WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path);
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>Please wait · Microneedling Planner</title></head>" +
            $"<body><main><h1>Please wait a moment</h1><p>{message} Nothing you entered was saved.</p><p><a href=\"{back}\">Back to the form</a></p></main></body></html>",
            cancellationToken);
    }
}
