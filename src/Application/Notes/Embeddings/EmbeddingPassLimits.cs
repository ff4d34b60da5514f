namespace NakamuraMisaki.Application.Notes.Embeddings;

public static class EmbeddingPassLimits
{
    public const int DefaultBatchSize = 64;

    /// <summary>OpenAI takes at most 2048 inputs per embeddings call; smaller batches keep each call short.</summary>
    public const int MaxBatchSize = 512;

    public const int DefaultReEmbedLimit = 1_000;
    public const int MaxReEmbedLimit = 100_000;
}
