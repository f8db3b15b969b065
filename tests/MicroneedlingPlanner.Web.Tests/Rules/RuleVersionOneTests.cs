using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data.Migrations;
using MicroneedlingPlanner.Web.Features.Rules;

namespace MicroneedlingPlanner.Web.Tests.Rules;

public sealed class RuleVersionOneTests
{
    /// <summary>
    /// The migration inserts a frozen file, so that changing the code's defaults never rewrites the
    /// version old plans were made with. Changing the defaults therefore fails here: publish the
    /// change as a new version instead (docs/rules.md). Set UPDATE_RULES_SEED=1 to rewrite the file
    /// only while version 1 has never been deployed.
    /// </summary>
    [Fact]
    public void Version_1_in_the_database_is_the_default_rules()
    {
        var defaults = RulesJson.Write(DefaultRules.Create());
        if (Environment.GetEnvironmentVariable("UPDATE_RULES_SEED") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), "src/MicroneedlingPlanner.Web/Data/Migrations/rules-version-1.json"), defaults);
        }

        Assert.Equal("1", DefaultRules.Version);
        Assert.Equal(defaults, RuleVersionOneSeed.Json());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MicroneedlingPlanner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Not inside the repository.");
    }
}
