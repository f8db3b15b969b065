using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;

namespace MicroneedlingPlanner.Web.Tests.Startup;

/// <summary>Bad configuration stops the app at start-up with a message that names the setting.</summary>
public sealed class StartupConfigurationTests(PostgresServer server)
{
    [Fact]
    public void An_unknown_provider_is_named()
    {
        using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, "Host=127.0.0.1").With(DatabaseOptions.ProviderSetting, "Oracle");

        var message = StartupFailure(factory);

        Assert.Contains("Database:Provider is 'Oracle'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_postgres_connection_string_is_named()
    {
        using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, "");

        var message = StartupFailure(factory);

        Assert.Contains("ConnectionStrings:Planner is missing", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_is_named_without_its_password()
    {
        var port = new Npgsql.NpgsqlConnectionStringBuilder(server.AdminConnectionString).Port + 1;
        using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, $"Host=127.0.0.1;Port={port};Database=nowhere;Username=u;Password=s3cret-value;Timeout=3");

        var message = StartupFailure(factory);

        Assert.Contains("Cannot reach the PostgreSQL database 'nowhere' on 127.0.0.1", message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Planner", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_mail_without_a_host_is_named_outside_development()
    {
        var connection = await server.CreateDatabaseAsync("smtp");
        try
        {
            using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production").With("Email:Smtp:Host", "");

            var message = StartupFailure(factory);

            Assert.Contains("Email:Smtp:Host is missing", message, StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    [Theory]
    [InlineData("Europe/Londres")]
    [InlineData("GMT Standard Time")] // a Windows id, which this server could map but the setting does not take
    [InlineData("")]
    public async Task A_clinic_time_zone_that_is_not_a_known_IANA_id_is_named(string zone)
    {
        var connection = await server.CreateDatabaseAsync("zone");
        try
        {
            using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection).With(ClinicOptions.TimeZoneSetting, zone);

            var message = StartupFailure(factory);

            Assert.Contains($"Clinic:TimeZone is '{zone}', which is not an IANA time zone id", message, StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    [Fact]
    public async Task Writing_account_links_to_the_log_is_refused_outside_development()
    {
        var connection = await server.CreateDatabaseAsync("log-sender");
        try
        {
            using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production").With("Email:Sender", "Log");

            var message = StartupFailure(factory);

            Assert.Contains("Email:Sender is 'Log', which writes account links (password resets among them) to the log. It is allowed only in Development", message, StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    [Theory]
    [InlineData("", "App:PublicBaseUrl is missing.")]
    [InlineData("planner.example.org", "App:PublicBaseUrl is 'planner.example.org'. Use an absolute http or https address")]
    [InlineData("https://planner.example.org/?x=1", "App:PublicBaseUrl is 'https://planner.example.org/?x=1'. Use an absolute http or https address")]
    public async Task The_public_base_url_is_required_outside_development_and_must_be_an_address(string value, string expected)
    {
        var connection = await server.CreateDatabaseAsync("public-url");
        try
        {
            using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production").With("App:PublicBaseUrl", value);

            var message = StartupFailure(factory);

            Assert.Contains(expected, message, StringComparison.Ordinal);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    [Fact]
    public async Task Outside_development_only_the_allowed_hosts_are_answered()
    {
        var connection = await server.CreateDatabaseAsync("allowed-hosts");
        try
        {
            // appsettings.json allows "localhost", the test server's own host, until a deployment names its own.
            await using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production");
            var forged = factory.NewClient();
            forged.DefaultRequestHeaders.Host = "attacker.example";

            Assert.Equal(HttpStatusCode.BadRequest, (await forged.GetAsync("/Account/ForgotPassword")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/Account/ForgotPassword")).StatusCode);
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    [Fact]
    public async Task Production_seeds_no_accounts_and_answers_health_checks()
    {
        var connection = await server.CreateDatabaseAsync("production");
        try
        {
            await using var factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, environment: "Production");

            var health = await factory.NewClient().GetAsync("/health");

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            await using var db = await factory.CreateDbContextAsync();
            Assert.Empty(db.Users);
            Assert.Equal(3, db.Roles.Count());
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }

    /// <summary>The app's own exception, dug out of whatever the test host wraps it in.</summary>
    private static string StartupFailure(PlannerAppFactory factory)
    {
        var error = Record.Exception(() => factory.Server);
        Assert.NotNull(error);
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join("\n", messages);
    }
}
