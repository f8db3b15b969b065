using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQL only, written by hand (no model change, so no designer file): SQLite refuses UPDATE and
    /// DELETE on AuditEntries (RAISE(ABORT)). Its id must sort right after ClinicAudit's: when that
    /// migration is regenerated, give this one the next second.
    /// <para>
    /// Careful: a later migration that makes EF rebuild this table on SQLite (most column changes)
    /// drops these triggers with the old table; such a migration must create them again. The tests
    /// check that they exist on a freshly migrated database.
    /// </para>
    /// </summary>
    [DbContext(typeof(SqlitePlannerDbContext))]
    [Migration("20261123165908_ClinicAuditAppendOnly")]
    public sealed class ClinicAuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "Role" = 'Patient', "PatientId" = "UserId" WHERE "Role" IS NULL;

                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'AuditEntries is append-only: UPDATE is refused');
                END;

                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'AuditEntries is append-only: DELETE is refused');
                END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
                DROP TRIGGER IF EXISTS "AuditEntries_no_update";
                """);
        }
    }
}
