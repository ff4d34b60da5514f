namespace NakamuraMisaki.Infrastructure.Embeddings;

public enum EmbeddingProvider
{
    /// <summary>Offline, lexical: <see cref="HashedNgramEmbeddingGenerator"/>. The default.</summary>
    HashedNgram,

    /// <summary>Any OpenAI-compatible /embeddings endpoint (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM, LiteLLM…).</summary>
    OpenAI,

    /// <summary>A sentence-embedding model file run in-process on ONNX Runtime (Embeddings:Onnx).</summary>
    Onnx,
}

/// <summary>The "Embeddings" configuration section (env: Embeddings__Provider=OpenAI …). See docs/embeddings.md.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.HashedNgram;

    /// <summary>OpenAI provider: the model name sent to the server and recorded in notes.embedding_model.</summary>
    public string Model { get; set; } = "text-embedding-3-small";

    /// <summary>OpenAI provider: the API base, e.g. http://localhost:11434/v1; unset = api.openai.com.</summary>
    public string? Endpoint { get; set; }

    /// <summary>OpenAI provider: secret; from the environment only. Required for api.openai.com.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The width of this model's vectors. Offline embedder: its width (unset = 1536). OpenAI provider: sent as the
    /// request's <c>dimensions</c> (text-embedding-3-large shortens to it); unset = not sent, and the model's first
    /// answer decides. At most 2,000 (pgvector's HNSW limit). Any width works without a migration.
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>Bound on one provider call; past it the note is saved unembedded, or the search answers by text.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Only this many leading characters are embedded: providers refuse over-long input (8192 tokens for OpenAI).</summary>
    public int MaxInputCharacters { get; set; } = 8_000;

    public EmbeddingBackfillOptions Backfill { get; set; } = new();

    public EmbeddingCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public EmbeddingIndexOptions Index { get; set; } = new();

    public Onnx.OnnxEmbeddingOptions Onnx { get; set; } = new();
}

/// <summary>Embeddings:Index: the job that builds the configured model's HNSW index (NoteVectorIndexJob).</summary>
public sealed class EmbeddingIndexOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>
    /// maintenance_work_mem of the build's session. An HNSW build whose graph outgrows it goes on by inserting tuple
    /// by tuple, many times slower: 50k notes of 1536 floats need about 400 MB (bench/RESULTS.md).
    /// </summary>
    public int BuildMemoryMb { get; set; } = 1_024;
}

/// <summary>Embeddings:Backfill: the job that embeds notes saved while the embedding service was down.</summary>
public sealed class EmbeddingBackfillOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 60;
    public int MaxNotesPerPass { get; set; } = 500;
    public int BatchSize { get; set; } = 64;
}
