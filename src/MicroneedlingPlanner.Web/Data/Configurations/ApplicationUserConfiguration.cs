using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroneedlingPlanner.Web.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.PreferredName).HasMaxLength(ApplicationUser.MaxNameLength);
        builder.Property(u => u.ContactPhone).HasMaxLength(PatientPlans.MaxPhoneLength);
    }
}
