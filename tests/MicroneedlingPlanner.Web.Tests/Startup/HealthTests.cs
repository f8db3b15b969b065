using System.Net;

namespace MicroneedlingPlanner.Web.Tests.Startup;

public abstract class HealthTests(AppFixture app)
{
    [Fact]
    public async Task Health_reports_a_reachable_database()
    {
        var response = await app.Factory.NewClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

[Collection(AccountsOnPostgres.Name)]
public sealed class HealthOnPostgresTests(PostgresAppFixture app) : HealthTests(app);

[Collection(AccountsOnSqlite.Name)]
public sealed class HealthOnSqliteTests(SqliteAppFixture app) : HealthTests(app);
