using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Postgres
{
    /// <summary>Data only, by hand (no designer file): version 1 of the rules (see <see cref="RuleVersionOneSeed"/>). Its id must sort right after RuleVersions'.</summary>
    [DbContext(typeof(PostgresPlannerDbContext))]
    [Migration("20261123174004_RuleVersionOne")]
    public sealed class RuleVersionOne : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RuleVersionOneSeed.Insert(
                migrationBuilder,
                ["integer", "character varying(20)", "jsonb", "timestamp with time zone", "timestamp with time zone", "timestamp with time zone", "character varying(2000)", "integer"],
                new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
            migrationBuilder.Sql($"""
                UPDATE "SubmittedPlans" SET
                    "RulesVersion" = '1',
                    "PlanJson" = jsonb_set("PlanJson", '{"{rulesVersion}"}', '"1"'),
                    "RevisedPlanJson" = CASE WHEN "RevisedPlanJson" IS NULL THEN NULL ELSE jsonb_set("RevisedPlanJson", '{"{rulesVersion}"}', '"1"') END
                WHERE "RulesVersion" = '{RuleVersionOneSeed.OldLabel}';
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                UPDATE "SubmittedPlans" SET
                    "RulesVersion" = '{RuleVersionOneSeed.OldLabel}',
                    "PlanJson" = jsonb_set("PlanJson", '{"{rulesVersion}"}', '"{RuleVersionOneSeed.OldLabel}"'),
                    "RevisedPlanJson" = CASE WHEN "RevisedPlanJson" IS NULL THEN NULL ELSE jsonb_set("RevisedPlanJson", '{"{rulesVersion}"}', '"{RuleVersionOneSeed.OldLabel}"') END
                WHERE "RulesVersion" = '1';
                DELETE FROM "RuleVersions" WHERE "Number" = 1;
                """);
        }
    }
}
