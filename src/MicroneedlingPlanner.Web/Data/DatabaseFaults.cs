using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MicroneedlingPlanner.Web.Data;

/// <summary>Tells a database that cannot be reached (stopped, restarting, connection lost) from a bug, so pages can say "try again in a moment".</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// True for the shapes an unreachable database takes here: the driver's own exception, EF Core's
    /// wrapping of it (a failed save, "likely due to a transient failure"), and the retrying
    /// strategy giving up.
    /// </summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        RetryLimitExceededException or DbException or TimeoutException => true,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: DbException or TimeoutException } => true,
        _ => false,
    };
}
