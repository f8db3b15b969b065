using System.Security.Claims;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Components.Account;

/// <summary>
/// A circuit can outlive its session (idle time, lifetime, sign-out: <see cref="AccountSessions"/>),
/// a role change or a lock made elsewhere; every minute the session, the user's security stamp and
/// lock-out are checked again, and the circuit loses its identity when the session has ended, the
/// stamp has changed (a role change, a lock, a sign-out) or the account is locked. A minute
/// bounds how long an open page keeps powers an admin has taken away, for one small query per
/// open circuit per minute.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    AccountSessions sessions,
    SessionActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        // An open page's activity keeps the session alive; a page left alone past the idle time loses its identity.
        if (await sessions.CheckAsync(state.User, activity.LastUtc) != SessionEnd.None)
        {
            return false;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
