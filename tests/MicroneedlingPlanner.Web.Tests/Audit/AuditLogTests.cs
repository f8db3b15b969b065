using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroneedlingPlanner.Web.Tests.Audit;

/// <summary>The audit log on PostgreSQL, through the app's own connection: append-only, chained, one chain under concurrency.</summary>
[Collection(AuditOnPostgres.Name)]
public sealed class AuditLogTests(PostgresAppFixture app)
{
    [Fact]
    public async Task Postgres_refuses_update_on_audit_rows_through_the_apps_own_connection()
    {
        var entry = await AuditTestData.WriteStaffLookAsync(app.Factory);
        await using var db = await app.Factory.CreateDbContextAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Seen\" = 'nothing' WHERE \"Id\" = {entry.Id}", TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal(AuditSeen.ContactDetails, (await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, TestContext.Current.CancellationToken)).Seen);
    }

    [Fact]
    public async Task Postgres_refuses_delete_and_truncate_on_audit_rows_through_the_apps_own_connection()
    {
        var entry = await AuditTestData.WriteStaffLookAsync(app.Factory);
        await using var db = await app.Factory.CreateDbContextAsync();

        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEntries\"", TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Id == entry.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_row_carries_the_hash_of_the_row_before_it()
    {
        var first = await AuditTestData.WriteStaffLookAsync(app.Factory);
        var second = await AuditTestData.WriteStaffLookAsync(app.Factory);

        await using var db = await app.Factory.CreateDbContextAsync();
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == second.Id, TestContext.Current.CancellationToken);
        var before = await db.AuditEntries.AsNoTracking().Where(a => a.Id < second.Id).OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before.Hash, stored.PreviousHash);
        Assert.Equal(AuditLog.HashOf(stored, stored.PreviousHash!), stored.Hash);
        Assert.Matches("^[0-9a-f]{64}$", stored.Hash);
        Assert.Equal(Roles.Staff, stored.Role);
        Assert.True(first.Id < second.Id);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        const int writers = 24;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => AuditTestData.WriteStaffLookAsync(app.Factory))));

        await using var db = await app.Factory.CreateDbContextAsync();
        var report = await AuditLog.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.True(report.Intact, report.Problem);
        // A fork would show as two rows naming the same previous row.
        var previous = await db.AuditEntries.Select(a => a.PreviousHash).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(previous.Count, previous.Distinct().Count());
        Assert.True(report.Chained >= writers);
    }

    [Fact]
    public async Task The_verify_command_reports_an_intact_log()
    {
        await AuditTestData.WriteStaffLookAsync(app.Factory);
        var output = new StringWriter();

        var code = await VerifyAuditCommand.RunAsync(app.Factory.Services, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Contains("The audit log is intact", output.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Rows removed or changed behind the app's back (triggers bypassed as a superuser can) break the chain, and the check says where.</summary>
[Collection(AuditTamperingOnPostgres.Name)]
public sealed class AuditTamperingTests(PostgresAppFixture app)
{
    /// <summary>Runs SQL with triggers off, as only a superuser can: what someone with the server's keys could do.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SET session_replication_role = replica; {sql}", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_deleted_row_is_detected_and_the_command_fails()
    {
        var entries = new List<Web.Features.Audit.AuditEntry>();
        for (var i = 0; i < 4; i++)
        {
            entries.Add(await AuditTestData.WriteStaffLookAsync(app.Factory));
        }

        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            Assert.True((await AuditLog.VerifyAsync(db, TestContext.Current.CancellationToken)).Intact);
        }

        await TamperAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {entries[1].Id}");
        // A changed row is caught as well, but only the first break is reported, so it comes after the deletion.
        await TamperAsync($"UPDATE \"AuditEntries\" SET \"Seen\" = 'nothing' WHERE \"Id\" = {entries[3].Id}");

        await using var check = await app.Factory.CreateDbContextAsync();
        var report = await AuditLog.VerifyAsync(check, TestContext.Current.CancellationToken);
        Assert.False(report.Intact);
        Assert.Equal(entries[2].Id, report.BrokenAt);
        Assert.Contains($"does not follow entry {entries[0].Id}", report.Problem, StringComparison.Ordinal);

        var output = new StringWriter();
        Assert.Equal(1, await VerifyAuditCommand.RunAsync(app.Factory.Services, output, TestContext.Current.CancellationToken));
        Assert.Contains("BROKEN", output.ToString(), StringComparison.Ordinal);
    }
}
