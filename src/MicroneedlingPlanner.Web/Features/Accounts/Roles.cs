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
}
