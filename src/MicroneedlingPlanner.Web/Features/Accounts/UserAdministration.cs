using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>One account as an admin sees it in the list.</summary>
/// <param name="HasPassword">False for an invited account whose owner has not chosen a password yet.</param>
public sealed record UserRow(
    string Id, string Email, string? Name, IReadOnlyList<string> Roles, bool Locked, bool TwoFactor, bool EmailConfirmed, bool HasPassword);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Total);

/// <summary>What an admin's change came to, in words for the page.</summary>
/// <param name="Done">True when the change was made (or nothing needed changing).</param>
public sealed record AdminChange(bool Done, string Message);

/// <summary>
/// The admins' user management: the list, staff invitations, the Staff and Admin roles and locking.
/// Every method checks that the caller is an admin (with two-factor sign-in), and every change
/// writes its audit row in the same transaction. Role changes and locks also change the account's
/// security stamp, so its sessions end at their next request and open pages within a minute
/// (see <see cref="AccountsSetup"/> and <c>IdentityRevalidatingAuthenticationStateProvider</c>).
/// <para>
/// There is always an unlocked admin: taking the Admin role from, or locking, the last one is
/// refused. The check and the change happen in one transaction that, on PostgreSQL, first takes an
/// advisory lock every admin change takes, so two admins removing each other at the same moment
/// cannot both succeed; SQLite lets one writer in at a time.
/// </para>
/// </summary>
internal sealed class UserAdministration(
    IDbContextFactory<PlannerDbContext> factory,
    IServiceScopeFactory scopes,
    IEmailSender<ApplicationUser> email,
    EmailLinks links,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public const string InvitationPath = "Account/AcceptInvitation";

    /// <summary>Arbitrary, fixed: the advisory lock every role change and lock takes on PostgreSQL (ASCII "MPADMIN").</summary>
    internal const long AdminLockKey = 0x4D50_4144_4D49_4E;

    /// <summary>A lock an admin sets lasts until an admin lifts it; Identity has no "for ever", so a date no one will reach.</summary>
    internal static readonly DateTimeOffset LockedUntil = new(2999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The roles an admin gives and takes here; a patient's role comes with registration.</summary>
    public static readonly IReadOnlyList<string> ManagedRoles = [Roles.Staff, Roles.Admin];

    public const string LastAdminMessage =
        "This is the only unlocked admin account, so it keeps the Admin role and stays unlocked. Make another account an admin first.";

    /// <param name="search">Part of an email address or name; empty lists everyone.</param>
    public async Task<UserPage> SearchAsync(ClaimsPrincipal admin, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Roles.RequireAdmin(admin);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var now = clock.GetUtcNow();

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } text)
        {
            // The email through its upper-cased copy; the name through ILIKE on PostgreSQL, LIKE on SQLite (case-blind for ASCII).
            var needle = text.ToUpperInvariant();
            var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            users = db.Database.IsNpgsql()
                ? users.Where(u => u.NormalizedEmail!.Contains(needle) || EF.Functions.ILike(u.PreferredName!, pattern, @"\"))
                : users.Where(u => u.NormalizedEmail!.Contains(needle) || EF.Functions.Like(u.PreferredName!, pattern, @"\"));
        }

        var total = await users.CountAsync(cancellationToken);
        var found = await users.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id).Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.PreferredName, u.LockoutEnd, u.TwoFactorEnabled, u.EmailConfirmed,
                HasPassword = u.PasswordHash != null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new([.. found.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.PreferredName, [.. u.Roles.Order(StringComparer.Ordinal)],
            u.LockoutEnd > now, u.TwoFactorEnabled, u.EmailConfirmed, u.HasPassword))], total);
    }

    /// <summary>
    /// Creates a staff account without a password and emails its owner a link to choose one. The
    /// link carries the account's id and a password-reset token, never the address.
    /// </summary>
    public async Task<AdminChange> InviteStaffAsync(ClaimsPrincipal admin, string? address, CancellationToken cancellationToken = default)
    {
        var adminId = Roles.RequireAdmin(admin);
        address = address?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return new(false, "Enter the email address of the person to invite.");
        }

        if (!new EmailAddressAttribute().IsValid(address))
        {
            return new(false, "Enter an email address like name@example.com.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(address) is not null)
        {
            return new(false, $"There is already an account for {address}. Nothing was sent; find it in the list to change its roles.");
        }

        // Identity's store saves through the scope's context: the account, its role and the audit row commit together.
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var user = new ApplicationUser { UserName = address, Email = address };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new(false, "The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Staff));
            await AuditLog.RecordAsync(db, Entry(admin, adminId, AuditActions.StaffInvited, user.Id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = links.To(InvitationPath, new Dictionary<string, object?> { ["userId"] = user.Id, ["code"] = token });
        await email.SendPasswordResetLinkAsync(user, address, HtmlEncoder.Default.Encode(link));
        return new(true, $"{address} has been invited as staff. The link in the email works for a day.");
    }

    public Task<AdminChange> SetRoleAsync(ClaimsPrincipal admin, string userId, string role, bool give, CancellationToken cancellationToken = default)
    {
        if (!ManagedRoles.Contains(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Only the Staff and Admin roles are given here.");
        }

        return ChangeAsync(admin, userId, async (db, user, adminIds) =>
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
            var membership = await db.UserRoles.SingleOrDefaultAsync(ur => ur.UserId == user.Id && ur.RoleId == roleId, cancellationToken);
            if (give == (membership is not null))
            {
                return (null, new AdminChange(true, give ? $"{user.Email} already has the {role} role." : $"{user.Email} does not have the {role} role."));
            }

            if (!give && role == Roles.Admin && IsLastAdmin(user, adminIds))
            {
                return (null, new AdminChange(false, LastAdminMessage));
            }

            if (give)
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            }
            else
            {
                db.UserRoles.Remove(membership!);
            }

            var action = (role, give) switch
            {
                (Roles.Staff, true) => AuditActions.StaffRoleGranted,
                (Roles.Staff, false) => AuditActions.StaffRoleRemoved,
                (_, true) => AuditActions.AdminRoleGranted,
                _ => AuditActions.AdminRoleRemoved,
            };
            return (action, new AdminChange(true, give ? $"{user.Email} now has the {role} role." : $"{user.Email} no longer has the {role} role."));
        }, cancellationToken);
    }

    /// <summary>Locks the account until an admin unlocks it; its sessions end at their next request.</summary>
    public Task<AdminChange> LockAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, (db, user, adminIds) =>
        {
            if (user.LockoutEnd > clock.GetUtcNow())
            {
                return Task.FromResult<(string?, AdminChange)>((null, new AdminChange(true, $"{user.Email} is already locked.")));
            }

            if (IsLastAdmin(user, adminIds))
            {
                return Task.FromResult<(string?, AdminChange)>((null, new AdminChange(false, LastAdminMessage)));
            }

            user.LockoutEnabled = true;
            user.LockoutEnd = LockedUntil;
            return Task.FromResult<(string?, AdminChange)>((AuditActions.Locked, new AdminChange(true, $"{user.Email} is locked and signed out everywhere.")));
        }, cancellationToken);

    /// <summary>Ends every session of the account (a lost phone, a shared computer) and leaves it usable: its owner signs in again.</summary>
    public Task<AdminChange> SignOutEverywhereAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, async (db, user, _) =>
        {
            await db.AccountSessions.Where(s => s.UserId == user.Id && s.EndedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
            return (AuditActions.SignedOutByAdmin, new AdminChange(true, $"{user.Email} is signed out everywhere, and can sign in again."));
        }, cancellationToken);

    public Task<AdminChange> UnlockAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, (db, user, adminIds) =>
        {
            if (user.LockoutEnd is null || user.LockoutEnd <= clock.GetUtcNow())
            {
                return Task.FromResult<(string?, AdminChange)>((null, new AdminChange(true, $"{user.Email} is not locked.")));
            }

            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult<(string?, AdminChange)>((AuditActions.Unlocked, new AdminChange(true, $"{user.Email} is unlocked and can sign in again.")));
        }, cancellationToken);

    /// <summary>
    /// The invited user's first password, from the invitation link. The token proves they read the
    /// email, so the address counts as confirmed. Not an admin action: the link is the permission.
    /// </summary>
    /// <returns>Null when the password was set, else what went wrong, in words.</returns>
    public async Task<string?> AcceptInvitationAsync(string? userId, string? code, string password, CancellationToken cancellationToken = default)
    {
        const string invalid = "This invitation link does not work: it may be older than a day or already used. Ask an admin to invite you again.";
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId) is not { } user || await users.HasPasswordAsync(user))
        {
            return invalid;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return invalid;
        }

        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? invalid
                : string.Join(" ", result.Errors.Select(e => e.Description));
        }

        user.EmailConfirmed = true;
        ThrowIfFailed(await users.UpdateAsync(user));
        var roles = await users.GetRolesAsync(user);
        await AuditLog.RecordAsync(db, new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user.Id,
            Role = Roles.Highest(roles),
            Action = AuditActions.InvitationAccepted,
            PatientId = user.Id,
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private delegate Task<(string? Action, AdminChange Outcome)> Change(PlannerDbContext db, ApplicationUser user, IReadOnlyList<string> unlockedAdminIds);

    /// <summary>
    /// The shape of every role change and lock: one transaction holding the admin lock, the target
    /// user and the unlocked admins read inside it, the change, a new security stamp and the audit row.
    /// </summary>
    private async Task<AdminChange> ChangeAsync(ClaimsPrincipal admin, string userId, Change change, CancellationToken cancellationToken)
    {
        var adminId = Roles.RequireAdmin(admin);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminLockKey})", cancellationToken);
        }

        if (await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is not { } user)
        {
            return new(false, "That account no longer exists. Search again to refresh the list.");
        }

        var now = clock.GetUtcNow();
        // Lock-out is compared here rather than in SQL: SQLite cannot compare DateTimeOffset values.
        var admins = await db.UserRoles
            .Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => new { u.Id, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var adminIds = admins.Where(a => a.LockoutEnd is null || a.LockoutEnd <= now).Select(a => a.Id).ToList();

        var (action, outcome) = await change(db, user, adminIds);
        if (action is null)
        {
            return outcome;
        }

        // A new stamp ends the account's sessions: the next request, or the open page within a minute, signs in again with the change.
        user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await AuditLog.RecordAsync(db, Entry(admin, adminId, action, user.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static bool IsLastAdmin(ApplicationUser user, IReadOnlyList<string> unlockedAdminIds) =>
        unlockedAdminIds.Contains(user.Id) && unlockedAdminIds.Count == 1;

    private AuditEntry Entry(ClaimsPrincipal admin, string adminId, string action, string targetUserId) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        UserId = adminId,
        Role = Roles.StaffRoleOf(admin),
        Action = action,
        PatientId = targetUserId,
    };

    private static void ThrowIfFailed(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
