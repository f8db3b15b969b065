using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Tests.Audit;

/// <summary>SQLite, the zero-configuration provider, closes the table with triggers too, and chains the same way.</summary>
[Collection(AuditOnSqlite.Name)]
public sealed class SqliteAuditTests(SqliteAppFixture app)
{
    [Fact]
    public async Task Sqlite_refuses_update_and_delete_on_audit_rows()
    {
        var entry = await AuditTestData.WriteStaffLookAsync(app.Factory);
        await using var db = await app.Factory.CreateDbContextAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() =>
            db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Seen, "nothing"), TestContext.Current.CancellationToken));
        var delete = await Assert.ThrowsAsync<SqliteException>(() =>
            db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteDeleteAsync(TestContext.Current.CancellationToken));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(AuditSeen.ContactDetails, (await db.AuditEntries.SingleAsync(a => a.Id == entry.Id, TestContext.Current.CancellationToken)).Seen);
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_chain_on_sqlite()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => AuditTestData.WriteStaffLookAsync(app.Factory))));

        await using var db = await app.Factory.CreateDbContextAsync();
        var report = await AuditLog.VerifyAsync(db, TestContext.Current.CancellationToken);
        Assert.True(report.Intact, report.Problem);
        Assert.True(report.Chained >= 12);
    }
}
