using MicroneedlingPlanner.Web.Features;

// One PostgreSQL server per test assembly; one fresh database per collection below.
[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace MicroneedlingPlanner.Web.Tests;

[CollectionDefinition(Name)]
public sealed class AccountsOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Accounts on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class AccountsOnSqlite : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "Accounts on SQLite";
}

[CollectionDefinition(Name)]
public sealed class AuthorizationOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Authorization on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class ApiOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "API on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class PatientPlansOnPostgres : ICollectionFixture<ClockedPostgresAppFixture>
{
    public const string Name = "Patient plans on PostgreSQL";
}

/// <summary>The app on PostgreSQL with a clock the tests move, for a clinic whose day is not UTC's.</summary>
public sealed class ClockedPostgresAppFixture(PostgresServer server) : PostgresAppFixture(server)
{
    /// <summary>Five hours behind UTC in winter (four in summer): from midnight UTC until about 4 am UTC it is still the day before at the clinic.</summary>
    public const string ClinicTimeZone = "America/New_York";

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    protected override Task StartAppAsync()
    {
        Factory.With(Clock).With(ClinicOptions.TimeZoneSetting, ClinicTimeZone);
        return base.StartAppAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AuditOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Audit on PostgreSQL";
}

/// <summary>Its own database: these tests tamper with the log on purpose, which breaks the chain for good.</summary>
[CollectionDefinition(Name)]
public sealed class AuditTamperingOnPostgres : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "Audit tampering on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class AuditOnSqlite : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "Audit on SQLite";
}

[CollectionDefinition(Name)]
public sealed class RecallsOnPostgres : ICollectionFixture<ClockedPostgresAppFixture>
{
    public const string Name = "Recalls on PostgreSQL";
}

[CollectionDefinition(Name)]
public sealed class ClinicReviewOnPostgres : ICollectionFixture<ClockedPostgresAppFixture>
{
    public const string Name = "Clinic review on PostgreSQL";
}

/// <summary>Its own database: these tests publish rule versions, which would change every other collection's plans.</summary>
[CollectionDefinition(Name)]
public sealed class RulesOnPostgres : ICollectionFixture<SecondAdminPostgresAppFixture>
{
    public const string Name = "Rules on PostgreSQL";
}

/// <summary>The app as a clinic that wants two admins for every rule change, asking for the published version every half second.</summary>
public sealed class SecondAdminPostgresAppFixture(PostgresServer server) : PostgresAppFixture(server)
{
    protected override Task StartAppAsync()
    {
        Factory.With("Rules:RequireSecondAdmin", "true").With("Rules:RefreshSeconds", "0.5");
        return base.StartAppAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RulesOnSqlite : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "Rules on SQLite";
}
