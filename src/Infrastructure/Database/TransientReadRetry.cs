using Microsoft.Extensions.Options;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// Retries a read made with plain Npgsql as EF Core's strategy (<see cref="FailoverAwareRetryStrategy"/>) retries the
/// others: the same failures (<see cref="DatabaseUnavailability"/>: a restarted server, a dropped connection, a timeout,
/// a failover), Database:MaxRetryCount times, after delays of 0, ~1, ~3, ~7 s… capped at 30 s. EF Core's strategy needs a DbContext; this one lets the hottest read
/// borrow none. Only for reads: retrying a write whose commit might have happened is not safe.
/// </summary>
public sealed class TransientReadRetry(IOptions<DatabaseOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly int _maxRetryCount = options.Value.MaxRetryCount;

    public async Task<TResult> ExecuteAsync<TState, TResult>(
        TState state, Func<TState, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await read(state, cancellationToken);
            }
            catch (Exception e) when (retry < _maxRetryCount && DatabaseUnavailability.Explains(e)
                                      && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Delay(retry), clock, cancellationToken);
            }
        }
    }

    // EF Core's ExecutionStrategy.GetNextDelay: (2^retry - 1) s, up to 10% more at random, at most 30 s.
    private static TimeSpan Delay(int retry) => TimeSpan.FromSeconds(
        Math.Min((Math.Pow(2, retry) - 1) * (1 + Random.Shared.NextDouble() * 0.1), MaxDelay.TotalSeconds));
}
