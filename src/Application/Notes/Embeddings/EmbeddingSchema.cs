namespace NakamuraMisaki.Application.Notes.Embeddings;

public static class EmbeddingSchema
{
    /// <summary>
    /// The width of notes.embedding, fixed by the schema. 1536 is OpenAI text-embedding-3-small's native size (and
    /// text-embedding-3-large's when asked for 1536 dimensions); the offline embedder produces the same width. A
    /// provider whose model answers another width must be configured to return 1536 (Embeddings:Dimensions), or its
    /// vectors are refused. See docs/embeddings.md.
    /// </summary>
    public const int Dimensions = 1536;
}
