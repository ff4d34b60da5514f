using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// Every write the service commits runs here (ADR 0022): in one transaction, under EF Core's retrying execution
/// strategy, which re-runs the whole transaction on a transient failure. Each attempt first writes a
/// <see cref="CommitMarker"/> of its own; before the strategy re-runs, it asks whether that marker committed. So when a
/// COMMIT reached the server but its answer was lost with the connection, the first attempt's result is the answer,
/// and nothing is written twice.
/// </summary>
public static class VerifiedTransaction
{
    /// <summary>
    /// Runs <paramref name="attempt"/> in a transaction of its own and commits it; answers the result of the attempt
    /// that committed. An attempt may run more than once, each time in a new transaction, so it starts from nothing
    /// that an earlier attempt left behind (e.g. clears the change tracker, unless the changes are what it saves).
    /// Throwing from the attempt rolls its transaction back. Inside a transaction already open (an Idempotency-Key's,
    /// itself verified) it joins that one: the outer transaction commits, verifies and retries for both.
    /// </summary>
    public static Task<T> InVerifiedTransactionAsync<T>(
        this DbContext db, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? attempt(cancellationToken)
            : db.Database.CreateExecutionStrategy().ExecuteAsync(
            new Attempts<T>(db, attempt),
            static (_, attempts, token) => attempts.RunAsync(token),
            static (_, attempts, token) => attempts.VerifyAsync(token),
            cancellationToken);

    private sealed class Attempts<T>(DbContext db, Func<CancellationToken, Task<T>> attempt)
    {
        private Guid _marker;
        private T _result = default!;

        public async Task<T> RunAsync(CancellationToken cancellationToken)
        {
            _marker = Guid.CreateVersion7();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync(CommitMarker.Write(_marker), cancellationToken); // one round trip with BEGIN
            _result = await attempt(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return _result;
        }

        /// <summary>
        /// After a failure the strategy would retry: did the attempt commit? Writing its marker again answers it: the
        /// write waits while the attempt's transaction is still open on the server (its connection not noticed gone
        /// yet), then finds the marker taken (committed) or takes it (the attempt rolled back, and will never commit).
        /// A failure to reach the database here is retried by the strategy like any other.
        /// </summary>
        public async Task<ExecutionResult<T>> VerifyAsync(CancellationToken cancellationToken) =>
            await db.Database.ExecuteSqlAsync(CommitMarker.Write(_marker), cancellationToken) == 0
                ? new ExecutionResult<T>(true, _result)
                : new ExecutionResult<T>(false, default!);
    }
}
