using MicroneedlingPlanner.Web.Features.Audit;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using MicroneedlingPlanner.Web.Features.Recalls;
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
        builder.Property(a => a.Role).HasMaxLength(20);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.PatientId).HasMaxLength(450);
        builder.Property(a => a.Seen).HasMaxLength(100);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();

        // No foreign keys: the log outlives what it describes and must never block (or cascade from) a delete elsewhere.
        // The admin search (by user, by patient, by plan, newest first) and a patient's "who looked".
        builder.HasIndex(a => new { a.PlanId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.PatientId, a.At });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.HasKey(w => new { w.PlanId, w.Number });
        builder.HasOne<SubmittedPlan>().WithMany().HasForeignKey(w => w.PlanId).OnDelete(DeleteBehavior.Cascade);

        // The recall list: windows still open or to come (End >= today) that open before the period ends.
        builder.HasIndex(w => new { w.End, w.Start });
    }
}

internal sealed class RecallConfiguration : IEntityTypeConfiguration<Recall>
{
    public void Configure(EntityTypeBuilder<Recall> builder)
    {
        builder.HasIndex(r => new { r.PlanId, r.WindowNumber }).IsUnique();
        builder.HasOne<MaintenanceWindow>().WithMany().HasForeignKey(r => new { r.PlanId, r.WindowNumber }).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.PatientId).HasMaxLength(450);
        builder.HasIndex(r => r.PatientId);
        builder.Property(r => r.UpdatedBy).HasMaxLength(450);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(r => r.Attempts).WithOne().HasForeignKey(a => a.RecallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecallAttemptConfiguration : IEntityTypeConfiguration<RecallAttempt>
{
    public void Configure(EntityTypeBuilder<RecallAttempt> builder)
    {
        builder.Property(a => a.ByUserId).HasMaxLength(450);
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.RecallId, a.At });
    }
}

internal sealed class RecallOptOutConfiguration : IEntityTypeConfiguration<RecallOptOut>
{
    public void Configure(EntityTypeBuilder<RecallOptOut> builder)
    {
        builder.HasKey(o => o.PatientId);
        builder.Property(o => o.PatientId).HasMaxLength(450);
        builder.Property(o => o.ByUserId).HasMaxLength(450);
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
