using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
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

        builder.Property(p => p.PatientName).HasMaxLength(ApplicationUser.MaxNameLength);
        builder.Property(p => p.ReviewerId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.ReviewerId).OnDelete(DeleteBehavior.Restrict);

        // A patient's list.
        builder.HasIndex(p => new { p.PatientId, p.SubmittedAt });

        // The staff queue (Features/Review/ReviewQueue.cs) pages by seeking past the last row's key,
        // so each order it offers has an index ending in that key (the reference breaks ties; it is unique).
        // Default order: needing a clinician first, then the oldest; the queue asks for each half with an
        // equality on NeedsClinicianReview, so a date range still bounds the scan. With and without a status.
        builder.HasIndex(p => new { p.NeedsClinicianReview, p.SubmittedAt, p.Reference });
        builder.HasIndex(p => new { p.Status, p.NeedsClinicianReview, p.SubmittedAt, p.Reference });
        builder.HasIndex(p => new { p.SubmittedAt, p.Reference });
        builder.HasIndex(p => new { p.Status, p.SubmittedAt, p.Reference });
        builder.HasIndex(p => new { p.PatientName, p.Reference });
        builder.HasIndex(p => new { p.FirstSessionDate, p.Reference });
        builder.HasIndex(p => p.PrimaryConcern);
        builder.HasIndex(p => p.ReviewerId);
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
