using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MicroneedlingPlanner.Domain.Tests;

/// <summary>
/// The domain library must stay pure (design.md): no packages, no I/O, no clock, no environment.
/// Checked on the compiled assembly's metadata, so a violation anywhere in it is caught.
/// </summary>
public sealed class DomainPurityTests
{
    private static readonly Assembly Domain = Assembly.Load("MicroneedlingPlanner.Domain");

    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.FileInfo", "System.IO.FileStream", "System.IO.Directory", "System.IO.DirectoryInfo",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.Console", "System.TimeProvider",
        "System.Random", "System.Diagnostics.Process", "System.Threading.Thread",
    ];

    private static readonly string[] ForbiddenNamespaces = ["System.Net", "System.Data", "Microsoft."];

    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.Guid.NewGuid",

        // Not the whole Environment type: compiler-generated iterators read CurrentManagedThreadId.
        "System.Environment.GetEnvironmentVariable", "System.Environment.GetEnvironmentVariables", "System.Environment.get_TickCount",
        "System.Environment.get_TickCount64", "System.Environment.get_MachineName", "System.Environment.get_CurrentDirectory",
        "System.Environment.GetCommandLineArgs", "System.Environment.Exit",
    ];

    [Fact]
    public void The_domain_references_only_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"The domain library references {name}; it must depend on nothing but the base class library."));
    }

    [Fact]
    public void The_domain_uses_no_io_clock_randomness_or_environment()
    {
        Assert.Empty(Violations(Domain.Location));
    }

    [Fact]
    public void The_check_itself_catches_a_clock_read()
    {
        // This test assembly reads the clock below; the same scan must report it.
        Assert.Contains("System.DateTime.get_Now", Violations(typeof(DomainPurityTests).Assembly.Location));
        Assert.True(ReadClock() > DateTime.MinValue);
    }

    private static DateTime ReadClock() => DateTime.Now;

    private static List<string> Violations(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var types = metadata.TypeReferences.Select(h => FullName(metadata, metadata.GetTypeReference(h))).ToHashSet();
        var members = metadata.MemberReferences
            .Select(h => metadata.GetMemberReference(h))
            .Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => FullName(metadata, metadata.GetTypeReference((TypeReferenceHandle)m.Parent)) + "." + metadata.GetString(m.Name))
            .ToHashSet();

        return
        [
            .. types.Where(t => ForbiddenTypes.Contains(t) || ForbiddenNamespaces.Any(ns => t.StartsWith(ns, StringComparison.Ordinal))),
            .. members.Where(ForbiddenMembers.Contains),
        ];
    }

    private static string FullName(MetadataReader metadata, TypeReference type) =>
        metadata.GetString(type.Namespace) is { Length: > 0 } ns ? $"{ns}.{metadata.GetString(type.Name)}" : metadata.GetString(type.Name);
}
