using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroneedlingPlanner.Web.Data.Configurations;

internal sealed class RuleVersionConfiguration : IEntityTypeConfiguration<RuleVersion>
{
    public void Configure(EntityTypeBuilder<RuleVersion> builder)
    {
        builder.HasKey(v => v.Number);
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.RulesJson).IsJson();
        builder.Property(v => v.ChangeNote).HasMaxLength(RuleVersions.MaxNoteLength);
        builder.Property(v => v.ReturnComment).HasMaxLength(RuleVersions.MaxNoteLength);
        foreach (var user in new[] { nameof(RuleVersion.AuthorId), nameof(RuleVersion.UpdatedById), nameof(RuleVersion.RequestedById), nameof(RuleVersion.ApprovedById), nameof(RuleVersion.ReturnedById), nameof(RuleVersion.PublishedById) })
        {
            builder.Property(user).HasMaxLength(450);
        }

        builder.Property(v => v.Revision).IsConcurrencyToken();

        // One published version at any moment, whatever two admins or two instances do at once.
        // The filter's SQL reads the same on PostgreSQL and SQLite.
        builder.HasIndex(v => v.State).IsUnique().HasFilter("\"State\" = 'Published'");
    }
}
