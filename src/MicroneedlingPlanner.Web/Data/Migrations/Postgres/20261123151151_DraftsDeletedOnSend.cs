using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DraftsDeletedOnSend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Drafts of plans already sent were a second copy of the answers; the sent plan keeps them.
            migrationBuilder.Sql("DELETE FROM \"IntakeDrafts\" WHERE \"SubmittedPlanId\" IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "SubmittedPlanId",
                table: "IntakeDrafts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmittedPlanId",
                table: "IntakeDrafts",
                type: "uuid",
                nullable: true);
        }
    }
}
