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
    /// For the clinic's services, which check again what their pages declare: a page's attribute
    /// can be forgotten or a service called from somewhere else. Returns the user's id.
    /// </summary>
    public static string RequireStaff(ClaimsPrincipal user) => Require(user, Staff, Admin);

    public static string RequireAdmin(ClaimsPrincipal user) => Require(user, Admin);

    /// <summary>The role a staff user acts in, for the audit log: admin when they hold both.</summary>
    public static string StaffRoleOf(ClaimsPrincipal user) => user.IsInRole(Admin) ? Admin : Staff;

    private static string Require(ClaimsPrincipal user, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !roles.Any(user.IsInRole))
        {
            throw new UnauthorizedAccessException($"Only {string.Join(" or ", roles)} users may do this.");
        }

        return id;
    }
}
