using System.Security.Claims;
using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
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
            // The cookie lives as long as a session may (set below from Accounts:Sessions); idle time is
            // measured on the server (AccountSessions), where an open page's activity counts too.
            cookie.SlidingExpiration = false;
            cookie.Events.OnSigningIn = StartSessionAsync;
            cookie.Events.OnValidatePrincipal = RejectStaleStampAsync;
            cookie.Events.OnRedirectToAccessDenied = SendToTwoFactorSetupAsync(cookie.Events.OnRedirectToAccessDenied);
        });
        services.AddOptions<PasswordSettings>().BindConfiguration(PasswordSettings.Section);
        services.AddSingleton<IValidateOptions<TwoFactorSettings>, TwoFactorSettingsValidator>();
        services.AddOptions<TwoFactorSettings>().BindConfiguration(TwoFactorSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionSettings>, SessionSettingsValidator>();
        services.AddOptions<SessionSettings>().BindConfiguration(SessionSettings.Section).ValidateOnStart();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionSettings>>((cookie, sessions) => cookie.ExpireTimeSpan = TimeSpan.FromHours(sessions.Value.AbsoluteHours));
        services.AddSingleton<AccountSessions>();
        services.AddScoped<SessionActivity>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<SessionActivity>());
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
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<PlannerClaimsPrincipalFactory>()
            .AddPasswordValidator<BreachedPasswordValidator>()
            .AddPasswordValidator<ContextWordsValidator>()
            .AddEntityFrameworkStores<PlannerDbContext>()
            .AddSignInManager<PlannerSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name);

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
        // Whatever sends Identity's mails (a test's outbox among them) sends these too.
        services.AddSingleton(sp => (IAccountEmails)sp.GetRequiredService<IEmailSender<ApplicationUser>>());
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
    /// Each sign-in gets a new server-side session (<see cref="AccountSessions"/>), named in the cookie
    /// (ASVS 5.0, 7.2.4). A sign-in refreshed in the same browser (<see cref="PlannerSignInManager.RefreshSignInAsync"/>,
    /// after a password change, say) keeps its session, and so its start: refreshing cannot stretch the absolute lifetime.
    /// </summary>
    private static async Task StartSessionAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }

        var current = context.HttpContext.User;
        var id = context.HttpContext.Items.ContainsKey(PlannerSignInManager.RefreshingItem)
            && current.FindFirstValue(AccountSessions.ClaimType) is { } existing && current.FindFirstValue(ClaimTypes.NameIdentifier) == userId
            ? existing
            : await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().StartAsync(userId);
        identity.AddClaim(new Claim(AccountSessions.ClaimType, id));
    }

    /// <summary>
    /// Ends the session when it has been idle too long or reached its lifetime (<see cref="AccountSessions.CheckAsync"/>),
    /// then compares the cookie's security stamp with the account's on every request, so that signing out
    /// (which changes the stamp) ends every copy of the cookie at its next request. Identity's own
    /// validator checks only every 30 minutes, and setting its interval to zero would also renew the
    /// cookie on every response: a late response could then put back a cookie the browser had just
    /// dropped. This costs one lookup of the user per request that carries the cookie. A locked
    /// account is refused here too, so an admin's lock ends its sessions at their next request
    /// (locking also changes the stamp; this covers a lock written some other way).
    /// </summary>
    private static async Task RejectStaleStampAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().CheckAsync(principal) != SessionEnd.None)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

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
