using System.Collections.Concurrent;

namespace NakamuraMisaki.Application.Audit;

/// <summary>
/// Refused requests counted in memory per (operation, client, remote address), written to the trail as one event per
/// key and minute by <see cref="Commands.RecordAuthenticationFailures.RecordAuthenticationFailures"/>: a brute force
/// costs a counter, not a row per attempt. Beyond <see cref="MaxKeys"/> distinct keys in one minute the rest are
/// counted under one overflow key, so many addresses cannot grow it either.
/// </summary>
public sealed class AuthenticationFailureTally
{
    public const int MaxKeys = 1_000;
    public const string OverflowAddress = "*";

    private ConcurrentDictionary<(string Operation, string Client, string? Address), int> _counts = new();

    public void Record(string operation, string client, string? remoteAddress)
    {
        var counts = Volatile.Read(ref _counts);
        var key = counts.Count >= MaxKeys && !counts.ContainsKey((operation, client, remoteAddress))
            ? (operation, client, OverflowAddress)
            : (operation, client, remoteAddress);
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    /// <summary>Takes the counts gathered since the last call.</summary>
    public IReadOnlyCollection<(string Operation, string Client, string? Address, int Count)> Drain() =>
        Interlocked.Exchange(ref _counts, new()).Select(c => (c.Key.Operation, c.Key.Client, c.Key.Address, c.Value)).ToArray();
}
