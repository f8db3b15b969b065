using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroneedlingPlanner.Web.Data.Migrations.Sqlite
{
    /// <summary>Data only, by hand (no designer file): version 1 of the rules (see <see cref="RuleVersionOneSeed"/>). Its id must sort right after RuleVersions'.</summary>
    [DbContext(typeof(SqlitePlannerDbContext))]
    [Migration("20261123173958_RuleVersionOne")]
    public sealed class RuleVersionOne : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RuleVersionOneSeed.Insert(
                migrationBuilder,
                ["INTEGER", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "TEXT", "INTEGER"],
                new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc));
            migrationBuilder.Sql($"""
                UPDATE "SubmittedPlans" SET
                    "RulesVersion" = '1',
                    "PlanJson" = json_set("PlanJson", '$.rulesVersion', '1'),
                    "RevisedPlanJson" = CASE WHEN "RevisedPlanJson" IS NULL THEN NULL ELSE json_set("RevisedPlanJson", '$.rulesVersion', '1') END
                WHERE "RulesVersion" = '{RuleVersionOneSeed.OldLabel}';
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                UPDATE "SubmittedPlans" SET
                    "RulesVersion" = '{RuleVersionOneSeed.OldLabel}',
                    "PlanJson" = json_set("PlanJson", '$.rulesVersion', '{RuleVersionOneSeed.OldLabel}'),
                    "RevisedPlanJson" = CASE WHEN "RevisedPlanJson" IS NULL THEN NULL ELSE json_set("RevisedPlanJson", '$.rulesVersion', '{RuleVersionOneSeed.OldLabel}') END
                WHERE "RulesVersion" = '1';
                DELETE FROM "RuleVersions" WHERE "Number" = 1;
                """);
        }
    }
}
