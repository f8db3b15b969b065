using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MicroneedlingPlanner.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Audit;

/// <summary>
/// The one place audit rows are written. Each row is chained to the one before it: its
/// <see cref="AuditEntry.PreviousHash"/> is that row's <see cref="AuditEntry.Hash"/>, and its own
/// hash is SHA-256 over its canonical form (<see cref="Canonical"/>) with the previous hash, so a
/// row deleted or changed afterwards breaks the chain at the next row (<see cref="VerifyAsync"/>).
/// <para>
/// Writers take turns so the chain never forks: on PostgreSQL the inserting transaction holds
/// <c>pg_advisory_xact_lock</c> from before it reads the last hash until it commits; SQLite lets
/// one writer at a time in (the transaction begins IMMEDIATE, taking the write lock first).
/// </para>
/// <para>
/// Any other changes tracked by <paramref name="db"/> are saved in the same transaction, so a
/// caller that stores something and its audit row together gets both or neither. When the
/// caller has begun a transaction, the row joins it and the caller commits.
/// </para>
/// </summary>
public static class AuditLog
{
    /// <summary>The previous hash of the first chained row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Arbitrary, fixed: the advisory lock every audit writer on PostgreSQL takes (ASCII "MPAUDIT").</summary>
    internal const long ChainLockKey = 0x4D50_4155_4449_54;

    public static Task RecordAsync(PlannerDbContext db, AuditEntry entry, CancellationToken cancellationToken = default) =>
        RecordAsync(db, [entry], cancellationToken);

    public static async Task RecordAsync(PlannerDbContext db, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The caller's own changes first, the chain lock last: every writer then takes its row
            // locks before the audit lock, so two transactions cannot deadlock over the two, and
            // the lock is held only for the read of the last hash and the insert.
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
            }

            var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken)
                ?? Genesis;
            foreach (var entry in entries)
            {
                // Stored to the microsecond (PostgreSQL's precision), so the hash is over what is read back.
                entry.At = Truncate(entry.At);
                entry.PreviousHash = previous;
                entry.Hash = previous = HashOf(entry, previous);
                db.AuditEntries.Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The row as hashed: every field but the id and the hashes, each written as its length and
    /// its text (<c>~</c> for null), so no two different rows read the same.
    /// </summary>
    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder("audit-v1");
        foreach (var field in (string?[])[
            Truncate(entry.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.UserId, entry.Role, entry.Action, entry.PatientId, entry.PlanId?.ToString("D"), entry.Seen])
        {
            text.Append('|').Append(field is null ? "~" : $"{field.Length}:{field}");
        }

        return text.ToString();
    }

    public static string HashOf(AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry) + "|" + previousHash)));

    /// <summary>
    /// Walks the whole log in order and checks every link. Rows written before the chain began
    /// (no hash) must all come before the first chained row.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(PlannerDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = Genesis;
        long? previousId = null;
        int chained = 0, unchained = 0;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.Hash is null)
            {
                if (chained > 0)
                {
                    return new(false, chained, unchained, row.Id, $"Entry {row.Id} has no hash but comes after chained entries: it was changed after it was written.", previous);
                }

                unchained++;
                continue;
            }

            if (row.PreviousHash != previous)
            {
                var where = previousId is { } id ? $"entry {id}" : "the start of the log";
                return new(false, chained, unchained, row.Id,
                    $"Entry {row.Id} does not follow {where}: an entry between them was deleted or changed.", previous);
            }

            if (HashOf(row, previous) != row.Hash)
            {
                return new(false, chained, unchained, row.Id, $"Entry {row.Id} was changed after it was written.", previous);
            }

            previous = row.Hash;
            previousId = row.Id;
            chained++;
        }

        return new(true, chained, unchained, null, null, previous);
    }

    // Stored times are UTC; SQLite reads them back without a kind.
    private static DateTime Truncate(DateTime at) => new(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);
}

/// <param name="Intact">True when every link holds.</param>
/// <param name="Chained">Rows checked before the first break (all of them when intact).</param>
/// <param name="Unchained">Rows from before the chain began, which carry no hash.</param>
/// <param name="BrokenAt">The id of the first row whose link fails.</param>
/// <param name="LastHash">The hash of the last good row: note it, and a later check that does not reach it shows rows removed from the end.</param>
public sealed record AuditChainReport(bool Intact, int Chained, int Unchained, long? BrokenAt, string? Problem, string LastHash);
