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
