namespace NakamuraMisaki.Application.Common.Concurrency;

/// <summary>
/// Read-modify-write for a command that may meet a concurrent change of the same row. Without If-Match the client
/// asked for "last writer wins": a change that lands between our read and our write is not its mistake, so the command
/// is read and applied again to the row as it is now (the rules still hold: a task completed meanwhile cannot be
/// cancelled, 409). With If-Match the client's version is stale, and the conflict is the answer (412).
/// </summary>
public static class ConcurrentChangeRetry
{
    /// <summary>Three tries: two more writers of one row within the same few milliseconds is not a race but a storm.</summary>
    public const int MaxAttempts = 3;

    public static async ValueTask<TResult> RunAsync<TResult>(uint? expectedVersion, Func<ValueTask<TResult>> readModifyWrite)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readModifyWrite();
            }
            catch (ConcurrentChangeException) when (expectedVersion is null && attempt < MaxAttempts)
            {
            }
        }
    }
}
