using System.Security.Claims;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>
/// Adds <see cref="Roles.TwoFactorClaimType"/> to the sign-in of an account with two-factor sign-in
/// on. Identity builds the principal at sign-in and at every refresh (turning it on, resetting it),
/// so the claim follows the account; turning it off or resetting it changes the security stamp, which
/// ends any sign-in made before (see <see cref="AccountsSetup"/>).
/// </summary>
internal sealed class PlannerClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue));
        }

        return identity;
    }
}

/// <summary>
/// Makes every role check that admits Staff or Admin (<c>[Authorize(Roles = ...)]</c> on pages,
/// <c>RequireRole</c> on endpoints, <c>AuthorizeView Roles</c>) also need two-factor sign-in. It
/// fails the requirement rather than adding a policy, so no page or endpoint can forget it.
/// </summary>
internal sealed class ClinicRolesNeedTwoFactorHandler : AuthorizationHandler<RolesAuthorizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesAuthorizationRequirement requirement)
    {
        if (requirement.AllowedRoles.Any(Roles.NeedingTwoFactor.Contains) && !Roles.HasTwoFactor(context.User))
        {
            context.Fail(new AuthorizationFailureReason(this, "Staff and admin pages need two-factor sign-in."));
        }

        return Task.CompletedTask;
    }
}
