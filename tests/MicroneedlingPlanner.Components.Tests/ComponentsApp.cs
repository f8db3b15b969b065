// One PostgreSQL server for the assembly; the collection below gets one database and one app on it.
[assembly: AssemblyFixture(typeof(MicroneedlingPlanner.Testing.PostgresServer))]

namespace MicroneedlingPlanner.Components.Tests;

/// <summary>
/// The real app on PostgreSQL, started once, whose services the rendered components use. Its
/// clock is fixed so that dates in the questionnaire and the plans do not depend on the day the
/// tests run.
/// </summary>
public sealed class ComponentsApp(PostgresServer server) : PostgresAppFixture(server)
{
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    protected override Task StartAppAsync()
    {
        Factory.With(Clock);
        return base.StartAppAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class Components : ICollectionFixture<ComponentsApp>
{
    public const string Name = "Components on PostgreSQL";
}
