using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Web.Data;

public class ApplicationUser : IdentityUser;
