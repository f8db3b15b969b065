using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Recalls;
using MicroneedlingPlanner.Web.Features.Review;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroneedlingPlanner.Web.Data;

/// <summary>
/// The one model of the app. It is never instantiated directly: each provider has its own
/// subclass below so that EF Core keeps a separate migration history per provider
/// (docs/adr/0001-two-database-providers.md).
/// </summary>
public abstract class PlannerDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in and antiforgery cookies, shared by every app instance (DataProtectionSetup).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<IntakeDraft> IntakeDrafts => Set<IntakeDraft>();
    public DbSet<SubmittedPlan> SubmittedPlans => Set<SubmittedPlan>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<MaintenanceWindow> MaintenanceWindows => Set<MaintenanceWindow>();
    public DbSet<Recall> Recalls => Set<Recall>();
    public DbSet<RecallAttempt> RecallAttempts => Set<RecallAttempt>();
    public DbSet<RecallOptOut> RecallOptOuts => Set<RecallOptOut>();
    public DbSet<PlanEvent> PlanEvents => Set<PlanEvent>();
    public DbSet<RuleVersion> RuleVersions => Set<RuleVersion>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlannerDbContext).Assembly);
    }
}

public sealed class PostgresPlannerDbContext(DbContextOptions options) : PlannerDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // PostgreSQL validates and can index JSON in jsonb; SQLite keeps it as text, which its JSON functions read.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.FindAnnotation(JsonColumn.Annotation) is not null)
            {
                property.SetColumnType("jsonb");
            }
        }
    }
}

public sealed class SqlitePlannerDbContext(DbContextOptions options) : PlannerDbContext(options);

public static class JsonColumn
{
    public const string Annotation = "Planner:Json";

    /// <summary>Marks a string property (nullable or not) that holds a JSON document.</summary>
    public static PropertyBuilder<TString> IsJson<TString>(this PropertyBuilder<TString> property) => property.HasAnnotation(Annotation, true);
}
