using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using MicroneedlingPlanner.Domain.Review;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Recalls;

/// <summary>The period asked about, in clinic days, and optionally one recall status.</summary>
public sealed record RecallQuery(DateOnly From, DateOnly To, RecallStatus? Status = null);

/// <summary>
/// One patient's next maintenance window for one plan, with where the clinic is in recalling them.
/// Holds no contact details: those are opened one patient at a time (<see cref="RecallList.ContactDetailsAsync"/>)
/// or exported, and each opening is audited.
/// </summary>
public sealed record RecallItem(
    Guid PlanId,
    string Reference,
    int WindowNumber,
    DateOnly WindowStart,
    DateOnly WindowEnd,
    ContactPreference ContactPreference,
    RecallStatus Status,
    RecallAttemptView? LastAttempt,
    int Attempts);

public sealed record RecallAttemptView(DateTime At, ContactMethod Method, ContactOutcome Outcome);

public sealed record ContactDetails(string? Email, string? Phone, ContactPreference Preference);

public enum RecallChange { Saved, NotFound, PatientAskedNotToBeContacted }

/// <summary>
/// Maintenance recalls (<c>/staff/recalls</c>): which patients' next maintenance window opens,
/// or is open, in a period, and the log of contacting them. Staff and admins only, checked here
/// again. The "next" window is the plan's first window that has not closed by the clinic's today,
/// so a patient appears once per plan, for the window they should book now.
/// </summary>
public sealed class RecallList(IDbContextFactory<PlannerDbContext> factory, ClinicClock clinic, TimeProvider clock)
{
    /// <summary>The list shows at most this many rows; a longer period should be narrowed (the page says so).</summary>
    public const int MaxRows = 1000;

    public async Task<IReadOnlyList<RecallItem>> ListAsync(ClaimsPrincipal staff, RecallQuery query, CancellationToken cancellationToken = default)
    {
        Roles.RequireStaff(staff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return [.. (await QueryAsync(db, query, cancellationToken)).Select(r => r.Item)];
    }

    /// <summary>The patient's email and phone for one recall; the opening is audited.</summary>
    public async Task<ContactDetails?> ContactDetailsAsync(ClaimsPrincipal staff, Guid planId, CancellationToken cancellationToken = default)
    {
        Roles.RequireStaff(staff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await (from p in db.SubmittedPlans
                           join u in db.Users on p.PatientId equals u.Id
                           where p.Id == planId
                           select new { p.PatientId, u.Email, p.ContactPhone, p.ContactPreference }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        await AuditLog.RecordAsync(db, AuditEntry.StaffLook(staff, AuditActions.ContactDetailsViewed, found.PatientId, planId, AuditSeen.ContactDetails, Now), cancellationToken);
        return new(found.Email, found.ContactPhone, found.ContactPreference);
    }

    /// <summary>Logs one attempt to reach the patient; the outcome sets the status (booked, declined, else contacted).</summary>
    public Task<RecallChange> LogAttemptAsync(ClaimsPrincipal staff, Guid planId, int windowNumber, ContactMethod method, ContactOutcome outcome, CancellationToken cancellationToken = default)
    {
        var status = outcome switch
        {
            ContactOutcome.Booked => RecallStatus.Booked,
            ContactOutcome.Declined => RecallStatus.Declined,
            _ => RecallStatus.Contacted,
        };
        return ChangeAsync(staff, planId, windowNumber, status, new RecallAttemptView(default, method, outcome), cancellationToken);
    }

    /// <summary>
    /// Sets the status by hand. "Do not contact" is kept for the patient, not the window: none of
    /// their windows is "to contact" again, and no other status can be set for them afterwards.
    /// </summary>
    public Task<RecallChange> SetStatusAsync(ClaimsPrincipal staff, Guid planId, int windowNumber, RecallStatus status, CancellationToken cancellationToken = default) =>
        ChangeAsync(staff, planId, windowNumber, status, null, cancellationToken);

    /// <summary>
    /// The filtered list as CSV (columns in the README), with each patient's email and phone. One
    /// audit row per line is written, in one transaction, before the file is returned.
    /// </summary>
    public async Task<byte[]> ExportCsvAsync(ClaimsPrincipal staff, RecallQuery query, CancellationToken cancellationToken = default)
    {
        Roles.RequireStaff(staff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await QueryAsync(db, query, cancellationToken);
        var patientIds = rows.Select(r => r.PatientId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => patientIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);

        var now = Now;
        await AuditLog.RecordAsync(db, [.. rows.Select(r => AuditEntry.StaffLook(staff, AuditActions.RecallsExported, r.PatientId, r.Item.PlanId, AuditSeen.RecallExport, now))], cancellationToken);

        // Text in UTF-8 without a byte-order mark; a field that a spreadsheet would run as a formula is escaped with a quote.
        using var buffer = new MemoryStream();
        await using (var text = new StreamWriter(buffer, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        await using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, false))
        {
            csv.WriteHeader(RecallCsv.Columns);
            foreach (var (item, patientId, phone) in rows)
            {
                csv.WriteRecord(
                [
                    item.Reference,
                    item.WindowStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    item.WindowEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    item.ContactPreference.ToString(),
                    emails.GetValueOrDefault(patientId) ?? "",
                    phone ?? "",
                    RecallWording.Status(item.Status),
                    item.LastAttempt is { } last ? clinic.DateOf(last.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    item.LastAttempt is { } l ? RecallWording.Outcome(l.Outcome) : "",
                ]);
            }
        }

        return buffer.ToArray();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<RecallChange> ChangeAsync(ClaimsPrincipal staff, Guid planId, int windowNumber, RecallStatus status, RecallAttemptView? attempt, CancellationToken cancellationToken)
    {
        var userId = Roles.RequireStaff(staff);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var patientId = await (from w in db.MaintenanceWindows
                               join p in db.SubmittedPlans on w.PlanId equals p.Id
                               where w.PlanId == planId && w.Number == windowNumber
                               select p.PatientId).SingleOrDefaultAsync(cancellationToken);
        if (patientId is null)
        {
            return RecallChange.NotFound;
        }

        var optedOut = await db.RecallOptOuts.AnyAsync(o => o.PatientId == patientId, cancellationToken);
        if (optedOut && status != RecallStatus.DoNotContact)
        {
            return RecallChange.PatientAskedNotToBeContacted;
        }

        var now = Now;
        var recall = await db.Recalls.SingleOrDefaultAsync(r => r.PlanId == planId && r.WindowNumber == windowNumber, cancellationToken);
        if (recall is null)
        {
            recall = new Recall { Id = Guid.CreateVersion7(), PlanId = planId, WindowNumber = windowNumber, PatientId = patientId, UpdatedBy = userId };
            db.Recalls.Add(recall);
        }

        recall.Status = status;
        recall.UpdatedAt = now;
        recall.UpdatedBy = userId;
        if (attempt is not null)
        {
            db.RecallAttempts.Add(new RecallAttempt { RecallId = recall.Id, At = now, ByUserId = userId, Method = attempt.Method, Outcome = attempt.Outcome });
        }

        if (status == RecallStatus.DoNotContact && !optedOut)
        {
            db.RecallOptOuts.Add(new RecallOptOut { PatientId = patientId, At = now, ByUserId = userId });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RecallChange.Saved;
    }

    private sealed record Found(RecallItem Item, string PatientId, string? Phone);

    private async Task<List<Found>> QueryAsync(PlannerDbContext db, RecallQuery query, CancellationToken cancellationToken)
    {
        var today = clinic.Today;
        var periodStart = query.From < today ? today : query.From;
        var candidates =
            from w in db.MaintenanceWindows
            join p in db.SubmittedPlans on w.PlanId equals p.Id
            where p.Status != SubmissionStatus.Withdrawn
                  && w.End >= today && w.End >= periodStart && w.Start <= query.To
                  // The next window only: no earlier window of the same plan is still open or to come.
                  && !db.MaintenanceWindows.Any(e => e.PlanId == w.PlanId && e.Number < w.Number && e.End >= today)
            select new
            {
                w.PlanId,
                w.Number,
                w.Start,
                w.End,
                p.Reference,
                p.PatientId,
                p.ContactPreference,
                p.ContactPhone,
                OptedOut = db.RecallOptOuts.Any(o => o.PatientId == p.PatientId),
                Recall = db.Recalls.Where(r => r.PlanId == w.PlanId && r.WindowNumber == w.Number).Select(r => new { r.Id, r.Status }).FirstOrDefault(),
            };

        candidates = query.Status switch
        {
            null => candidates,
            RecallStatus.DoNotContact => candidates.Where(c => c.OptedOut || (c.Recall != null && c.Recall.Status == RecallStatus.DoNotContact)),
            RecallStatus.ToContact => candidates.Where(c => !c.OptedOut && (c.Recall == null || c.Recall.Status == RecallStatus.ToContact)),
            var s => candidates.Where(c => !c.OptedOut && c.Recall != null && c.Recall.Status == s),
        };

        var rows = await candidates.OrderBy(c => c.Start).ThenBy(c => c.Reference).Take(MaxRows).ToListAsync(cancellationToken);
        var recallIds = rows.Where(r => r.Recall != null).Select(r => r.Recall!.Id).ToList();
        var attempts = (await db.RecallAttempts.AsNoTracking().Where(a => recallIds.Contains(a.RecallId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.RecallId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).ToList());

        return [.. rows.Select(r =>
        {
            var tries = r.Recall is { } rc ? attempts.GetValueOrDefault(rc.Id) ?? [] : [];
            var last = tries.LastOrDefault();
            var status = r.OptedOut ? RecallStatus.DoNotContact : r.Recall?.Status ?? RecallStatus.ToContact;
            return new Found(
                new RecallItem(r.PlanId, r.Reference, r.Number, r.Start, r.End, r.ContactPreference, status,
                    last is null ? null : new RecallAttemptView(DateTime.SpecifyKind(last.At, DateTimeKind.Utc), last.Method, last.Outcome), tries.Count),
                r.PatientId, r.ContactPhone);
        })];
    }
}

/// <summary>The CSV export's columns, in order (documented in the README).</summary>
public static class RecallCsv
{
    public static readonly string[] Columns =
        ["Reference", "WindowOpens", "WindowCloses", "ContactPreference", "Email", "Phone", "RecallStatus", "LastAttempt", "LastOutcome"];
}

public static class RecallWording
{
    public static string Status(RecallStatus status) => status switch
    {
        RecallStatus.ToContact => "To contact",
        RecallStatus.Contacted => "Contacted",
        RecallStatus.Booked => "Booked",
        RecallStatus.Declined => "Declined",
        RecallStatus.DoNotContact => "Do not contact",
        _ => status.ToString(),
    };

    public static string Outcome(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.NoAnswer => "No answer",
        ContactOutcome.LeftMessage => "Left a message",
        ContactOutcome.Spoke => "Spoke to them",
        ContactOutcome.Booked => "Booked",
        ContactOutcome.Declined => "Declined",
        _ => outcome.ToString(),
    };

    public static string Method(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone call",
        ContactMethod.Email => "Email",
        ContactMethod.Text => "Text message",
        ContactMethod.Letter => "Letter",
        _ => method.ToString(),
    };
}

public static class RecallSetup
{
    public static IServiceCollection AddRecalls(this IServiceCollection services)
    {
        services.AddSingleton<RecallList>();
        return services;
    }

    /// <summary>GET /staff/recalls/export.csv?from=yyyy-MM-dd&amp;to=yyyy-MM-dd[&amp;status=ToContact]: dates and a status only, never patient data.</summary>
    public static IEndpointRouteBuilder MapRecallExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/staff/recalls/export.csv", async (DateOnly from, DateOnly to, RecallStatus? status, ClaimsPrincipal user, RecallList recalls, ClinicClock clinic, CancellationToken cancellationToken) =>
        {
            var bytes = await recalls.ExportCsvAsync(user, new RecallQuery(from, to, status), cancellationToken);
            return Results.File(bytes, "text/csv; charset=utf-8", $"recalls-{clinic.Today:yyyy-MM-dd}.csv");
        }).RequireAuthorization(policy => policy.RequireRole(Roles.Staff, Roles.Admin));
        return endpoints;
    }
}
