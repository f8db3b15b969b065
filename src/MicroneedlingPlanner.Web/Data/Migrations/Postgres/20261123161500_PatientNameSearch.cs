using MicroneedlingPlanner.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// SQL only, PostgreSQL only: a trigram index so the staff queue's search for part of a
    /// patient's name (ILIKE '%…%') uses an index instead of reading every row. The model does not
    /// describe it, so it never appears in a snapshot; SQLite has no equivalent and needs none.
    /// </summary>
    [DbContext(typeof(PostgresPlannerDbContext))]
    [Migration("20261123161500_PatientNameSearch")]
    public partial class PatientNameSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                return;
            }

            // pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without superuser rights.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_SubmittedPlans_PatientName_Trigram" ON "SubmittedPlans" USING gin ("PatientName" gin_trgm_ops);""");

            // The same for plans still open, the queue's usual view: a common surname matches about 1% of all plans,
            // and reading those rows costs more than the page; among open plans it matches a few dozen.
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS "IX_SubmittedPlans_PatientName_Trigram_Open" ON "SubmittedPlans" USING gin ("PatientName" gin_trgm_ops)
                WHERE "Status" IN ('Submitted', 'InReview', 'ChangesProposed');
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
            {
                return;
            }

            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SubmittedPlans_PatientName_Trigram_Open";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SubmittedPlans_PatientName_Trigram";""");
        }
    }
}
