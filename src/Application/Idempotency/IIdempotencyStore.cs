namespace NakamuraMisaki.Application.Idempotency;

/// <summary>
/// Runs a create at most once per <see cref="IdempotencyKey"/> within the retention window. Claiming the key, the
/// create's own writes and the stored response are one database transaction, so a crash never leaves a created row
/// whose key is free, nor a key that claims a row that was never created.
/// </summary>
public interface IIdempotencyStore
{
    /// <param name="requestHash">The canonical request's hash: the same key with another hash is <see cref="IdempotencyOutcome.KeyReused"/>.</param>
    /// <param name="execute">
    /// The create. Returns the response to store, or null when the request was refused: then nothing is stored and
    /// everything the create wrote is rolled back with the claim, so a corrected retry may use the same key.
    /// May run more than once when the database drops the connection before commit (each attempt in a new transaction).
    /// </param>
    Task<IdempotencyOutcome> ExecuteOnceAsync(
        IdempotencyKey key, byte[] requestHash, Func<CancellationToken, Task<StoredResponse?>> execute,
        CancellationToken cancellationToken);

    /// <summary>Deletes the keys that expired before <paramref name="now"/>; answers how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
