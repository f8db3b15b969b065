using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Data;

public class ApplicationUser : IdentityUser
{
    /// <summary>The column's width; forms and checks use the same number.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The name the clinic should use, as the patient gave it when sending a plan or under "Your account".</summary>
    public string? PreferredName { get; set; }

    /// <summary>The phone number the patient last gave for contact; prefilled the next time.</summary>
    public string? ContactPhone { get; set; }
}
