using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClinicReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ConsentOnFile",
                table: "SubmittedPlans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ContraindicationsChecked",
                table: "SubmittedPlans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PatientMessage",
                table: "SubmittedPlans",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedChangesJson",
                table: "SubmittedPlans",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevisedPlanJson",
                table: "SubmittedPlans",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevisionAcceptedAt",
                table: "SubmittedPlans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ScreeningAnswersRead",
                table: "SubmittedPlans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SubmittedPlans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "PlanEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Before = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    After = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Internal = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanEvents_SubmittedPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SubmittedPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanEvents_PlanId_At",
                table: "PlanEvents",
                columns: new[] { "PlanId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanEvents");

            migrationBuilder.DropColumn(
                name: "ConsentOnFile",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "ContraindicationsChecked",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "PatientMessage",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "ProposedChangesJson",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "RevisedPlanJson",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "RevisionAcceptedAt",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "ScreeningAnswersRead",
                table: "SubmittedPlans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SubmittedPlans");
        }
    }
}
