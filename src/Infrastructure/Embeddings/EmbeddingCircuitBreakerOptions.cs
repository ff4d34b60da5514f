namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>Embeddings:CircuitBreaker: when to stop calling a failing provider, and for how long (see <see cref="EmbeddingCircuitBreaker"/>).</summary>
public sealed class EmbeddingCircuitBreakerOptions
{
    /// <summary>Consecutive outages that open the circuit. 1: the first failure already spares the next search the wait.</summary>
    public int FailuresBeforeBreaking { get; set; } = 1;

    /// <summary>How long the circuit stays open before one call probes the provider.</summary>
    public int BreakSeconds { get; set; } = 30;
}
