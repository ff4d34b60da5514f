using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Infrastructure.Health;

/// <summary>
/// nakamura_misaki.database.replay_lag (Prometheus: nakamura_misaki_database_replay_lag_bytes) by <c>data_source</c>
/// (default, ReadOnly): the WAL bytes a standby has received but not replayed, or for a primary its furthest standby's
/// distance, as <see cref="DataSourceStatus"/> reads it. Refreshed by every readiness probe (load balancers probe
/// every few seconds), so it costs no query of its own; a data source with nothing to report (a primary without
/// standbys, an unreachable replica) has no series.
/// </summary>
public sealed class ReplicationLagMetrics
{
    private readonly ConcurrentDictionary<string, long> _lagBytes = new();

    public ReplicationLagMetrics(AppMeter meter) =>
        meter.Meter.CreateObservableGauge("nakamura_misaki.database.replay_lag", () =>
            _lagBytes.Select(lag => new Measurement<long>(lag.Value, new KeyValuePair<string, object?>("data_source", lag.Key))),
            "By", "WAL bytes received but not yet replayed (a standby), or the furthest standby's (a primary).");

    public void Observed(DataSourceStatus status)
    {
        if (status.ReplayLagBytes is { } lag)
        {
            _lagBytes[status.Name] = lag;
        }
        else
        {
            _lagBytes.TryRemove(status.Name, out _);
        }
    }
}
