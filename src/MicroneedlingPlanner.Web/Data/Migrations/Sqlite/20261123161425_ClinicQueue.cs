using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClinicQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_FirstSessionDate",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_Status_SubmittedAt",
                table: "SubmittedPlans");

            migrationBuilder.AddColumn<bool>(
                name: "HasCaution",
                table: "SubmittedPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasRefer",
                table: "SubmittedPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PatientName",
                table: "SubmittedPlans",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReviewerId",
                table: "SubmittedPlans",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sessions",
                table: "SubmittedPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 100,
                nullable: true);


            // Plans sent before this migration: the queue's columns from the stored plan, and the
            // account's email as the name (the only one the clinic had) until the patient gives one.
            migrationBuilder.Sql("""
                UPDATE "SubmittedPlans" SET
                    "Sessions" = COALESCE(json_extract("PlanJson", '$.initialSeries.sessions'), 0),
                    "HasRefer" = EXISTS (SELECT 1 FROM json_each("PlanJson", '$.flags') f WHERE json_extract(f.value, '$.severity') = 'Refer'),
                    "HasCaution" = EXISTS (SELECT 1 FROM json_each("PlanJson", '$.flags') f WHERE json_extract(f.value, '$.severity') = 'Caution'),
                    "PatientName" = substr(COALESCE((SELECT u."Email" FROM "AspNetUsers" u WHERE u."Id" = "SubmittedPlans"."PatientId"), ''), 1, 100);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_FirstSessionDate_Reference",
                table: "SubmittedPlans",
                columns: new[] { "FirstSessionDate", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_NeedsClinicianReview_SubmittedAt_Reference",
                table: "SubmittedPlans",
                columns: new[] { "NeedsClinicianReview", "SubmittedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_PatientName_Reference",
                table: "SubmittedPlans",
                columns: new[] { "PatientName", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_ReviewerId",
                table: "SubmittedPlans",
                column: "ReviewerId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_Status_NeedsClinicianReview_SubmittedAt_Reference",
                table: "SubmittedPlans",
                columns: new[] { "Status", "NeedsClinicianReview", "SubmittedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_Status_SubmittedAt_Reference",
                table: "SubmittedPlans",
                columns: new[] { "Status", "SubmittedAt", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_SubmittedAt_Reference",
                table: "SubmittedPlans",
                columns: new[] { "SubmittedAt", "Reference" });

            migrationBuilder.AddForeignKey(
                name: "FK_SubmittedPlans_AspNetUsers_ReviewerId",
                table: "SubmittedPlans",
                column: "ReviewerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SubmittedPlans_AspNetUsers_ReviewerId",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_FirstSessionDate_Reference",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_NeedsClinicianReview_SubmittedAt_Reference",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_PatientName_Reference",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_ReviewerId",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_Status_NeedsClinicianReview_SubmittedAt_Reference",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_Status_SubmittedAt_Reference",
                table: "SubmittedPlans");

            migrationBuilder.DropIndex(
                name: "IX_SubmittedPlans_SubmittedAt_Reference",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "HasCaution",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "HasRefer",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "PatientName",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "ReviewerId",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "Sessions",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PreferredName",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_FirstSessionDate",
                table: "SubmittedPlans",
                column: "FirstSessionDate");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_Status_SubmittedAt",
                table: "SubmittedPlans",
                columns: new[] { "Status", "SubmittedAt" });
        }
    }
}
