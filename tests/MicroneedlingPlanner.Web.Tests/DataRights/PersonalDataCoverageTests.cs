using MicroneedlingPlanner.Web.Features.Accounts;
using System.Globalization;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.DataRights;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Features.Review;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.DataRights;

/// <summary>
/// Walks every entity type of the model: each must be listed below with why deletion covers it.
/// A new table fails <see cref="Every_table_of_the_model_is_accounted_for"/>, naming it, until it
/// is listed here (and, if it holds a patient's data, deleted by PersonalDataRights.DeleteAccountAsync).
/// Then a patient with data in every such table deletes their account, and every table is read
/// back: nothing of theirs is left but the audit log's pseudonymous rows, and the chain holds.
/// </summary>
public abstract class PersonalDataCoverageTests(AppFixture app)
{
    /// <summary>How one table stands to a patient's deletion.</summary>
    /// <param name="Why">Why it is covered, or holds no patient's data.</param>
    /// <param name="PatientRows">The rows of the patient's; null for a table that holds none.</param>
    private sealed record Coverage(string Why, Func<PlannerDbContext, PatientWithData, IQueryable<object>>? PatientRows = null);

    private static readonly Dictionary<Type, Coverage> Tables = new()
    {
        [typeof(ApplicationUser)] = new("Deleted: email, name, phone, password hash.", (db, p) => db.Users.Where(u => u.Id == p.Id)),
        [typeof(IdentityUserClaim<string>)] = new("Deleted with the account.", (db, p) => db.UserClaims.Where(c => c.UserId == p.Id)),
        [typeof(IdentityUserLogin<string>)] = new("Deleted with the account.", (db, p) => db.UserLogins.Where(l => l.UserId == p.Id)),
        [typeof(IdentityUserToken<string>)] = new("Deleted with the account: authenticator key, recovery codes.", (db, p) => db.UserTokens.Where(t => t.UserId == p.Id)),
        [typeof(IdentityUserRole<string>)] = new("Deleted with the account.", (db, p) => db.UserRoles.Where(r => r.UserId == p.Id)),
        [typeof(IdentityRole)] = new("The three roles, seeded by a migration: no one's data."),
        [typeof(IdentityRoleClaim<string>)] = new("Claims of roles, not of people: unused, and no one's data."),
        [typeof(IntakeDraft)] = new("The draft the patient's browser holds is deleted (its token comes with the request); others are not linked to anyone and expire in 30 days.",
            (db, p) => db.IntakeDrafts.Where(d => d.TokenHash == DraftStore.Hash(p.DraftToken))),
        [typeof(SubmittedPlan)] = new("Deleted: answers, plan, contact details.", (db, p) => db.SubmittedPlans.Where(s => s.PatientId == p.Id)),
        [typeof(PlanEvent)] = new("Deleted with the plan, the clinic's internal notes too.",
            (db, p) => db.PlanEvents.Where(e => e.PlanId == p.ReviewedPlan || e.PlanId == p.WithdrawnPlan)),
        [typeof(MaintenanceWindow)] = new("Deleted with the plan.", (db, p) => db.MaintenanceWindows.Where(w => w.PlanId == p.ReviewedPlan || w.PlanId == p.WithdrawnPlan)),
        [typeof(Recall)] = new("Deleted with the patient.", (db, p) => db.Recalls.Where(r => r.PatientId == p.Id)),
        // Found by the staff member who made them: each test patient has their own, and an attempt names no patient itself.
        [typeof(RecallAttempt)] = new("Deleted with the recall.", (db, p) => db.RecallAttempts.Where(a => a.ByUserId == p.StaffId)),
        [typeof(RecallOptOut)] = new("Deleted with the patient.", (db, p) => db.RecallOptOuts.Where(o => o.PatientId == p.Id)),
        [typeof(AccountSession)] = new("Deleted with the account: when each sign-in began and was last used (the export's audit part lists every sign-in).",
            (db, p) => db.AccountSessions.Where(s => s.UserId == p.Id)),
        [typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)] = new("The app's keys for its cookies: no one's data."),
        [typeof(RuleVersion)] = new("Treatment rules, written by admins: names admins only, never a patient."),
        [typeof(AuditEntry)] = new("Kept, hash-chained and append-only: the account's random id, plan ids, action names and fixed words; no name, contact or health data. Ends with account.deleted.",
            (db, p) => db.AuditEntries.Where(a => a.PatientId == p.Id)),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_table_of_the_model_is_accounted_for()
    {
        await using var db = await app.Factory.CreateDbContextAsync();

        var missing = db.Model.GetEntityTypes().Where(e => !Tables.ContainsKey(e.ClrType))
            .Select(e => $"{e.DisplayName()} (table {e.GetTableName()})").ToList();

        Assert.True(missing.Count == 0,
            $"Not listed in PersonalDataCoverageTests.Tables: {string.Join(", ", missing)}. If it can hold a patient's data, " +
            "make PersonalDataRights.DeleteAccountAsync delete or anonymise it (and ExportAsync include it), then list it with the reason.");
    }

    [Fact]
    public async Task Deleting_an_account_leaves_nothing_of_the_patient_but_the_audit_trail()
    {
        var patient = await PatientWithData.CreateAsync(app.Factory);
        var bystander = await PatientWithData.CreateAsync(app.Factory);
        var holding = Tables.Where(t => t.Value.PatientRows is not null).ToList();
        await using (var before = await app.Factory.CreateDbContextAsync())
        {
            // Every table that can hold a patient's data holds some of this one's, or the test proves nothing about it.
            foreach (var (type, coverage) in holding)
            {
                Assert.True(await coverage.PatientRows!(before, patient).AnyAsync(Cancel), $"The test patient has no rows in {type.Name}: make PatientWithData put some there.");
            }
        }

        int auditRowsBefore;
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            auditRowsBefore = await db.AuditEntries.CountAsync(a => a.PatientId == patient.Id, Cancel);
        }

        var bystanderRows = await CountsAsync(bystander);

        Assert.Equal(DeletionResult.Deleted, await app.Factory.Services.GetRequiredService<PersonalDataRights>().DeleteAccountAsync(patient.Id, patient.DraftToken, Cancel));

        await using var after = await app.Factory.CreateDbContextAsync();
        foreach (var (type, coverage) in holding.Where(t => t.Key != typeof(AuditEntry)))
        {
            Assert.False(await coverage.PatientRows!(after, patient).AnyAsync(Cancel), $"{type.Name} still holds rows of the deleted patient.");
        }

        var audit = await after.AuditEntries.Where(a => a.PatientId == patient.Id).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(auditRowsBefore + 1, audit.Count);
        Assert.Equal(AuditActions.AccountDeleted, audit[^1].Action);
        Assert.Equal(patient.Id, audit[^1].UserId);
        var chain = await AuditLog.VerifyAsync(after, Cancel);
        Assert.True(chain.Intact, chain.Problem);

        // Only the other patient's own rows, and nothing of theirs was taken along.
        Assert.Equal(bystanderRows, await CountsAsync(bystander));
        await AssertNoTraceAsync(after, patient);
    }

    private async Task<Dictionary<string, int>> CountsAsync(PatientWithData patient)
    {
        await using var db = await app.Factory.CreateDbContextAsync();
        var counts = new Dictionary<string, int>();
        foreach (var (type, coverage) in Tables.Where(t => t.Value.PatientRows is not null && t.Key != typeof(AuditEntry)))
        {
            counts[type.Name] = await coverage.PatientRows!(db, patient).CountAsync(Cancel);
        }

        return counts;
    }

    /// <summary>
    /// Reads every column of every table of the model, whatever the list above says, and fails on
    /// any trace of the patient: so a new table that copies a name, phone or message is caught even
    /// before anyone lists it. The account's id may remain only where the audit log names who and whom.
    /// </summary>
    private static async Task AssertNoTraceAsync(PlannerDbContext db, PatientWithData patient)
    {
        var allowedId = new HashSet<string> { $"{nameof(PlannerDbContext.AuditEntries)}.{nameof(AuditEntry.UserId)}", $"{nameof(PlannerDbContext.AuditEntries)}.{nameof(AuditEntry.PatientId)}" };
        var allowedPlan = $"{nameof(PlannerDbContext.AuditEntries)}.{nameof(AuditEntry.PlanId)}";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Cancel);
        var found = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        continue;
                    }

                    var column = $"{table}.{reader.GetName(i)}";
                    var text = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                    found.AddRange(patient.Traces.Where(t => text.Contains(t.Value, StringComparison.OrdinalIgnoreCase)).Select(t => $"{column} holds the {t.Key}"));
                    if (text.Contains(patient.Id, StringComparison.OrdinalIgnoreCase) && !allowedId.Contains(column))
                    {
                        found.Add($"{column} holds the account id");
                    }

                    if ((text.Contains(patient.ReviewedPlan.ToString(), StringComparison.OrdinalIgnoreCase) || text.Contains(patient.WithdrawnPlan.ToString(), StringComparison.OrdinalIgnoreCase))
                        && column != allowedPlan)
                    {
                        found.Add($"{column} holds a plan id");
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "After deletion: " + string.Join("; ", found.Distinct()));
    }
}

[Collection(DataRightsOnPostgres.Name)]
public sealed class PostgresPersonalDataCoverageTests(PostgresAppFixture app) : PersonalDataCoverageTests(app);

[Collection(DataRightsOnSqlite.Name)]
public sealed class SqlitePersonalDataCoverageTests(SqliteAppFixture app) : PersonalDataCoverageTests(app);

[CollectionDefinition(Name)]
public sealed class DataRightsOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Data rights on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class DataRightsOnSqlite : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "Data rights on SQLite";
}
