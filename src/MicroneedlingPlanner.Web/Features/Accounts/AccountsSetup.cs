using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

public static class AccountsSetup
{
    public static IServiceCollection AddPlannerAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "planner.auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = RejectStaleStampAsync;
            cookie.Events.OnRedirectToAccessDenied = SendToTwoFactorSetupAsync(cookie.Events.OnRedirectToAccessDenied);
        });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, ClinicRolesNeedTwoFactorHandler>();

        services.AddSingleton<IValidateOptions<LockoutSettings>, LockoutSettingsValidator>();
        services.AddOptions<LockoutSettings>().BindConfiguration(LockoutSettings.Section).ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<LockoutSettings>>((identity, lockout) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = lockout.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(lockout.Value.Minutes);
        });

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<PlannerClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<PlannerDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateOnStart();
        services.AddScoped<EmailLinks>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<TwoFactorAccount>();

        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.AddSingleton<LogEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.SenderKind == EmailSenderKind.Smtp
                ? sp.GetRequiredService<SmtpEmailSender>()
                : sp.GetRequiredService<LogEmailSender>());
        return services;
    }

    /// <summary>
    /// A staff or admin user refused only for want of two-factor sign-in is sent to set it up, and
    /// comes back to the page they asked for; every other refusal goes to the access-denied page.
    /// </summary>
    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> SendToTwoFactorSetupAsync(
        Func<RedirectContext<CookieAuthenticationOptions>, Task> otherwise) => context =>
    {
        if (!Roles.NeedsTwoFactorSetup(context.HttpContext.User))
        {
            return otherwise(context);
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.RedirectUri = QueryHelpers.AddQueryString(context.Request.PathBase + TwoFactorAccount.SetupPath,
            new Dictionary<string, string?> { ["returnUrl"] = returnUrl, ["required"] = "true" });
        return otherwise(context);
    };

    /// <summary>
    /// Compares the cookie's security stamp with the account's on every request, so that signing out
    /// (which changes the stamp) ends every copy of the cookie at its next request. Identity's own
    /// validator checks only every 30 minutes, and setting its interval to zero would also renew the
    /// cookie on every response: a late response could then put back a cookie the browser had just
    /// dropped. This costs one lookup of the user per request that carries the cookie. A locked
    /// account is refused here too, so an admin's lock ends its sessions at their next request
    /// (locking also changes the stamp; this covers a lock written some other way).
    /// </summary>
    private static async Task RejectStaleStampAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        var stamp = context.Principal?.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        if (context.Principal is null || await users.GetUserAsync(context.Principal) is not { } user || stamp != await users.GetSecurityStampAsync(user)
            || await users.IsLockedOutAsync(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
