using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace MicroneedlingPlanner.Web.Data;

/// <summary>
/// Npgsql's retrying strategy (a query, an update or a save that fails because the server is
/// restarting or the connection dropped is tried again, with growing waits), except inside a
/// transaction the code began itself: there one statement cannot be replayed alone without storing
/// half of the unit, so it runs once and a failure reaches the caller. A unit that must survive a
/// restart runs whole under <c>CreateExecutionStrategy().ExecuteAsync</c>, with a fresh context per
/// try (see <c>PatientPlans.SubmitDraftAsync</c>); EF Core would otherwise refuse every
/// transaction begun outside such a call.
/// </summary>
internal sealed class RetryOutsideTransactions(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InUserTransaction ? operation(Dependencies.CurrentContext.Context, state) : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default) =>
        InUserTransaction ? operation(Dependencies.CurrentContext.Context, state, cancellationToken) : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    private bool InUserTransaction => Current is null && Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
}
