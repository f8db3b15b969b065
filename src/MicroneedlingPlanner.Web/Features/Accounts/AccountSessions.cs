using System.Security.Claims;
using System.Security.Cryptography;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

/// <summary>Bound from <c>Accounts:Sessions</c>; checked at start-up.</summary>
public sealed class SessionSettings
{
    public const string Section = "Accounts:Sessions";

    /// <summary>Staff and admins, who see many patients' data, are signed out after this much inactivity.</summary>
    public int ClinicIdleMinutes { get; set; } = 30;

    /// <summary>Patients see only their own data and fill in a questionnaire at their own pace: longer.</summary>
    public int PatientIdleMinutes { get; set; } = 120;

    /// <summary>However active, a sign-in ends this long after it began.</summary>
    public int AbsoluteHours { get; set; } = 12;
}

internal sealed class SessionSettingsValidator : IValidateOptions<SessionSettings>
{
    public ValidateOptionsResult Validate(string? name, SessionSettings options)
    {
        List<string> failures = [];
        foreach (var (key, value) in new[] { ("ClinicIdleMinutes", options.ClinicIdleMinutes), ("PatientIdleMinutes", options.PatientIdleMinutes), ("AbsoluteHours", options.AbsoluteHours) })
        {
            if (value < 1)
            {
                failures.Add($"{SessionSettings.Section}:{key} is {value}. Use a whole number of 1 or more.");
            }
        }

        if (failures.Count == 0 && Math.Max(options.ClinicIdleMinutes, options.PatientIdleMinutes) > options.AbsoluteHours * 60)
        {
            failures.Add($"{SessionSettings.Section}: an idle time longer than AbsoluteHours ({options.AbsoluteHours} h) would never apply. Shorten it or raise AbsoluteHours.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// One sign-in, held on the server so that it can end there: after inactivity, at its absolute
/// lifetime, or at sign-out. The cookie carries only its id (<see cref="AccountSessions.ClaimType"/>).
/// </summary>
public sealed class AccountSession
{
    /// <summary>128 random bits, hex: not guessable, and not the cookie (which stays the proof).</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime LastActiveUtc { get; set; }
    public DateTime? EndedUtc { get; set; }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> session)
    {
        session.Property(s => s.Id).HasMaxLength(32);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.HasIndex(s => s.UserId);
    }
}

/// <summary>Why a session no longer admits its holder.</summary>
public enum SessionEnd
{
    None,
    Idle,
    Lifetime,
    Ended,
}

/// <summary>
/// Server-side sessions (OWASP ASVS 5.0, 7.3): idle time by role (<see cref="SessionSettings"/>),
/// an absolute lifetime, and an end at sign-out. Activity is an HTTP request with the cookie or
/// anything the user does in an open page (a circuit's inbound activity, see <see cref="SessionActivity"/>);
/// it is written at most once a minute per session.
/// </summary>
public sealed class AccountSessions(IDbContextFactory<PlannerDbContext> factory, TimeProvider clock, IOptionsMonitor<SessionSettings> settings)
{
    public const string ClaimType = "planner:sid";

    private static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(1);

    public TimeSpan IdleLimit(ClaimsPrincipal user) => TimeSpan.FromMinutes(
        Roles.NeedingTwoFactor.Any(user.IsInRole) ? settings.CurrentValue.ClinicIdleMinutes : settings.CurrentValue.PatientIdleMinutes);

    public async Task<string> StartAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new AccountSession { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UserId = userId, StartedUtc = now, LastActiveUtc = now };
        await using var db = await factory.CreateDbContextAsync();
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>
    /// Whether the session still admits <paramref name="user"/>, counting activity now (or at
    /// <paramref name="activeAt"/>, an open page's last activity). A session found over a limit is
    /// ended and audited once, so that every later request finds it simply ended.
    /// </summary>
    public async Task<SessionEnd> CheckAsync(ClaimsPrincipal user, DateTime? activeAt = null)
    {
        if (user.FindFirstValue(ClaimType) is not { } id)
        {
            return SessionEnd.Ended;
        }

        await using var db = await factory.CreateDbContextAsync();
        if (await db.Set<AccountSession>().FindAsync(id) is not { } session || session.UserId != user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return SessionEnd.Ended;
        }

        if (session.EndedUtc is not null)
        {
            return SessionEnd.Ended;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lastActive = activeAt is { } seen && seen > session.LastActiveUtc ? seen : session.LastActiveUtc;
        var end = now - session.StartedUtc >= TimeSpan.FromHours(settings.CurrentValue.AbsoluteHours) ? SessionEnd.Lifetime
            : now - lastActive >= IdleLimit(user) ? SessionEnd.Idle
            : SessionEnd.None;
        if (end != SessionEnd.None)
        {
            session.EndedUtc = now;
            await AuditLog.RecordAsync(db, new AuditEntry
            {
                At = now,
                UserId = session.UserId,
                Role = user.IsInRole(Roles.Admin) ? Roles.Admin : user.IsInRole(Roles.Staff) ? Roles.Staff : Roles.Patient,
                Action = AuditActions.SessionExpired,
                PatientId = session.UserId,
            });
            return end;
        }

        var active = activeAt is null ? now : lastActive;
        if (active - session.LastActiveUtc >= WriteEvery)
        {
            session.LastActiveUtc = active;
            await db.SaveChangesAsync();
        }

        return SessionEnd.None;
    }

    public async Task EndAsync(ClaimsPrincipal user)
    {
        if (user.FindFirstValue(ClaimType) is not { } id)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync();
        await db.Set<AccountSession>().Where(s => s.Id == id && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>
/// When the user last did something in an open page. A circuit makes no HTTP requests, so without
/// this a clinician working in one page for half an hour would be signed out mid-task. Every inbound
/// message counts, render acknowledgements among them; the app's pages render only in answer to
/// the user (no timers), so those follow the user's own activity.
/// </summary>
public sealed class SessionActivity(TimeProvider clock) : CircuitHandler
{
    public DateTime? LastUtc { get; private set; }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        LastUtc = clock.GetUtcNow().UtcDateTime;
        return next(context);
    };
}
