using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application.Idempotency;

/// <summary>
/// nakamura_misaki.idempotency.keys_reused (Prometheus: nakamura_misaki_idempotency_keys_reused_total) by
/// <c>outcome</c>: <c>replayed</c> (a retry answered from the stored response; clients retrying, as they should) and
/// <c>conflict</c> (the same key with another request, answered 422: a client bug that reuses keys).
/// </summary>
public sealed class IdempotencyMetrics(AppMeter meter)
{
    private readonly Counter<long> _reused = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.idempotency.keys_reused", "{request}", "Requests whose Idempotency-Key was already used, by outcome.");

    public void Replayed() => Record("replayed");

    public void Conflict() => Record("conflict");

    private void Record(string outcome) => _reused.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
