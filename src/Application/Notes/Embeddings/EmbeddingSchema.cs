namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <summary>
/// notes.embedding is an untyped <c>vector</c>: any width fits, and each (model, width) gets its own partial HNSW
/// index on a cast to that width (see docs/decisions/0017-vector-width-per-model.md).
/// </summary>
public static class EmbeddingSchema
{
    /// <summary>The offline embedder's width when Embeddings:Dimensions is not set (OpenAI text-embedding-3-small's).</summary>
    public const int DefaultDimensions = 1536;

    /// <summary>pgvector's HNSW index takes at most 2,000 dimensions of <c>vector</c>.</summary>
    public const int MaxIndexedDimensions = 2_000;
}
