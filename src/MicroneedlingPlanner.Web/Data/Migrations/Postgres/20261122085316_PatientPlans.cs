using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PatientPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntakeDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AnswersJson = table.Column<string>(type: "jsonb", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedPlanId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubmittedPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PatientId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PrimaryConcern = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FirstSessionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    NextMaintenanceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NeedsClinicianReview = table.Column<bool>(type: "boolean", nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnswersJson = table.Column<string>(type: "jsonb", nullable: false),
                    PlanJson = table.Column<string>(type: "jsonb", nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsentedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ContactPreference = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmittedPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmittedPlans_AspNetUsers_PatientId",
                        column: x => x.PatientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PlanId_At",
                table: "AuditEntries",
                columns: new[] { "PlanId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_At",
                table: "AuditEntries",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeDrafts_ExpiresAt",
                table: "IntakeDrafts",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntakeDrafts_TokenHash",
                table: "IntakeDrafts",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_FirstSessionDate",
                table: "SubmittedPlans",
                column: "FirstSessionDate");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_IdempotencyKey",
                table: "SubmittedPlans",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_NextMaintenanceDate",
                table: "SubmittedPlans",
                column: "NextMaintenanceDate");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_PatientId_SubmittedAt",
                table: "SubmittedPlans",
                columns: new[] { "PatientId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_PrimaryConcern",
                table: "SubmittedPlans",
                column: "PrimaryConcern");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_Reference",
                table: "SubmittedPlans",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedPlans_Status_SubmittedAt",
                table: "SubmittedPlans",
                columns: new[] { "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "IntakeDrafts");

            migrationBuilder.DropTable(
                name: "SubmittedPlans");
        }
    }
}
