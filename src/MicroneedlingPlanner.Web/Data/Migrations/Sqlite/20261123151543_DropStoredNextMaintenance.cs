using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropStoredNextMaintenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_NextMaintenanceDate",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "NextMaintenanceDate",
                table: "SubmittedPlans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NextMaintenanceDate",
                table: "SubmittedPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_NextMaintenanceDate",
                table: "SubmittedPlans",
                column: "NextMaintenanceDate");
        }
    }
}
