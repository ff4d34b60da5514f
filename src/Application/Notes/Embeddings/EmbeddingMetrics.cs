using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <summary>
/// The embedding provider and what waits for it, as Prometheus sees them:
/// nakamura_misaki_embedding_circuit_state (0 closed, 1 half-open: probing, 2 open: every call fails at once and
/// searches answer by text), nakamura_misaki_embedding_backlog (notes without an embedding, counted by each
/// backfill pass; absent until the first) and nakamura_misaki_embedding_index_builds_total (HNSW indexes built, by
/// model: one per newly configured model, another means the index was lost).
/// </summary>
public sealed class EmbeddingMetrics
{
    public const int Closed = 0;
    public const int HalfOpen = 1;
    public const int Open = 2;

    private readonly Counter<long> _indexBuilds;
    private int _circuitState = Closed;
    private long? _backlog;

    public EmbeddingMetrics(AppMeter meter)
    {
        _indexBuilds = meter.Meter.CreateCounter<long>(
            "nakamura_misaki.embedding.index_builds", "{index}", "HNSW indexes built for a model's embeddings.");
        meter.Meter.CreateObservableGauge("nakamura_misaki.embedding.circuit_state", () => Volatile.Read(ref _circuitState),
            null, "The embedding provider's circuit breaker: 0 closed, 1 half-open, 2 open.");
        meter.Meter.CreateObservableGauge("nakamura_misaki.embedding.backlog", () =>
            _backlog is { } backlog ? [new Measurement<long>(backlog)] : Array.Empty<Measurement<long>>(),
            "{note}", "Notes waiting for an embedding, as counted by the last backfill pass.");
    }

    public void CircuitChanged(int state) => Volatile.Write(ref _circuitState, state);

    public void Backlog(long notes) => _backlog = notes;

    public void IndexBuilt(string model) => _indexBuilds.Add(1, new KeyValuePair<string, object?>("model", model));
}
