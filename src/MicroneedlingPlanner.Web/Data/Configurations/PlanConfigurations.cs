using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroneedlingPlanner.Web.Data.Configurations;

internal sealed class IntakeDraftConfiguration : IEntityTypeConfiguration<IntakeDraft>
{
    public void Configure(EntityTypeBuilder<IntakeDraft> builder)
    {
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.ExpiresAt);
        builder.Property(d => d.AnswersJson).IsJson();
    }
}

internal sealed class SubmittedPlanConfiguration : IEntityTypeConfiguration<SubmittedPlan>
{
    public void Configure(EntityTypeBuilder<SubmittedPlan> builder)
    {
        builder.Property(p => p.Reference).HasMaxLength(16);
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => p.IdempotencyKey).IsUnique();
        builder.Property(p => p.PatientId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PrimaryConcern).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.ContactPreference).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.ContactPhone).HasMaxLength(PatientPlans.MaxPhoneLength);
        builder.Property(p => p.RulesVersion).HasMaxLength(100);
        builder.Property(p => p.AnswersJson).IsJson();
        builder.Property(p => p.PlanJson).IsJson();
        builder.Property(p => p.RevisedPlanJson).IsJson();
        builder.Property(p => p.ProposedChangesJson).IsJson();
        builder.Property(p => p.PatientMessage).HasMaxLength(ClinicReview.MaxTextLength);
        builder.Property(p => p.Version).IsConcurrencyToken();

        // A patient's list, the staff queue by status and age, and the schedule views.
        builder.HasIndex(p => new { p.PatientId, p.SubmittedAt });
        builder.HasIndex(p => new { p.Status, p.SubmittedAt });
        builder.HasIndex(p => p.PrimaryConcern);
        builder.HasIndex(p => p.FirstSessionDate);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.HasIndex(a => new { a.PlanId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class PlanEventConfiguration : IEntityTypeConfiguration<PlanEvent>
{
    public void Configure(EntityTypeBuilder<PlanEvent> builder)
    {
        builder.HasOne<SubmittedPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.ActorRole).HasMaxLength(20);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Field).HasMaxLength(40);
        builder.Property(e => e.Before).HasMaxLength(200);
        builder.Property(e => e.After).HasMaxLength(200);
        builder.Property(e => e.Reason).HasMaxLength(ClinicReview.MaxTextLength);
        builder.Property(e => e.Text).HasMaxLength(ClinicReview.MaxTextLength);
        builder.HasIndex(e => new { e.PlanId, e.At });
    }
}
