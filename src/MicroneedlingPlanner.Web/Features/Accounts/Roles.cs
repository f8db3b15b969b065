using System.Security.Claims;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>The app's roles: the only place their names are spelt.</summary>
public static class Roles
{
    public const string Patient = nameof(Patient);
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: admins can do what staff do.</summary>
    public const string StaffOrAdmin = Staff + "," + Admin;

    public static readonly IReadOnlyList<string> All = [Patient, Staff, Admin];

    /// <summary>
    /// Present (value <c>on</c>) on the sign-in of an account that has two-factor sign-in turned on;
    /// added by <see cref="PlannerClaimsPrincipalFactory"/>. Staff and admin roles count only with
    /// it, so a clinic account without a second factor reaches nothing of the clinic's.
    /// </summary>
    public const string TwoFactorClaimType = "planner:2fa";

    public const string TwoFactorClaimValue = "on";

    /// <summary>The roles that need two-factor sign-in before they count.</summary>
    public static readonly IReadOnlyList<string> NeedingTwoFactor = [Staff, Admin];

    public static bool HasTwoFactor(ClaimsPrincipal user) => user?.HasClaim(TwoFactorClaimType, TwoFactorClaimValue) == true;

    /// <summary>Holds the Staff or Admin role but has not set up two-factor sign-in yet, so cannot act in it.</summary>
    public static bool NeedsTwoFactorSetup(ClaimsPrincipal user) =>
        user is not null && NeedingTwoFactor.Any(user.IsInRole) && !HasTwoFactor(user);

    /// <summary>Acts as staff: holds Staff or Admin, with two-factor sign-in.</summary>
    public static bool IsStaff(ClaimsPrincipal user) => user is not null && (user.IsInRole(Staff) || user.IsInRole(Admin)) && HasTwoFactor(user);

    public static bool IsAdmin(ClaimsPrincipal user) => user is not null && user.IsInRole(Admin) && HasTwoFactor(user);

    /// <summary>
    /// For the clinic's services, which check again what their pages declare: a page's attribute
    /// can be forgotten or a service called from somewhere else. Returns the user's id.
    /// </summary>
    public static string RequireStaff(ClaimsPrincipal user) => Require(user, Staff, Admin);

    public static string RequireAdmin(ClaimsPrincipal user) => Require(user, Admin);

    /// <summary>The role a staff user acts in, for the audit log: admin when they hold both.</summary>
    /// <summary>The highest role the user holds, for audit rows about their own account.</summary>
    public static string RoleOf(ClaimsPrincipal user) => Highest(All.Where(user.IsInRole));

    /// <summary>The highest of an account's roles (as Identity lists them): Admin, then Staff, else Patient.</summary>
    public static string Highest(IEnumerable<string> roles) => roles.Contains(Admin) ? Admin : roles.Contains(Staff) ? Staff : Patient;

    public static string StaffRoleOf(ClaimsPrincipal user) => user.IsInRole(Admin) ? Admin : Staff;

    private static string Require(ClaimsPrincipal user, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !roles.Any(user.IsInRole))
        {
            throw new UnauthorizedAccessException($"Only {string.Join(" or ", roles)} users may do this.");
        }

        if (!HasTwoFactor(user))
        {
            throw new UnauthorizedAccessException($"{string.Join(" and ", roles)} users must set up two-factor sign-in first.");
        }

        return id;
    }
}
