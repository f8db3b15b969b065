using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// SQL only, written by hand (no model change, so no designer file): PostgreSQL refuses UPDATE,
    /// DELETE and TRUNCATE on AuditEntries for every connection, the app's own included, owner or
    /// superuser alike. Its id must sort right after ClinicAudit's: when that migration is
    /// regenerated, give this one the next second. Rows written before the clinic audit were all the
    /// patient's own actions; they get that role and patient before the table is closed.
    /// </summary>
    [DbContext(typeof(PostgresPlannerDbContext))]
    [Migration("20261123165911_ClinicAuditAppendOnly")]
    public sealed class ClinicAuditAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "Role" = 'Patient', "PatientId" = "UserId" WHERE "Role" IS NULL;

                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditEntries is append-only: % is refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege',
                              HINT = 'Audit rows are never changed or deleted; the hash chain would show it.';
                END
                $$;

                CREATE TRIGGER audit_entries_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

                CREATE TRIGGER audit_entries_no_truncate
                    BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";
                DROP TRIGGER IF EXISTS audit_entries_no_update_or_delete ON "AuditEntries";
                DROP FUNCTION IF EXISTS audit_entries_append_only();
                """);
        }
    }
}
