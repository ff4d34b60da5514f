namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <summary>A vector and the model that produced it; its length is the model's width.</summary>
public sealed record NoteEmbedding(float[] Vector, string Model);

/// <summary>A note waiting to be embedded: all a pass needs of it.</summary>
/// <param name="FailedAttempts">Times the provider refused this note so far; sets its back-off after the next.</param>
public sealed record NoteToEmbed(Guid Id, string Content, int FailedAttempts = 0);

/// <summary>Which notes an embedding pass works through.</summary>
public enum EmbeddingBacklog
{
    /// <summary>Notes without an embedding (saved while the embedding service was down): the backfill.</summary>
    Missing,

    /// <summary>Notes without an embedding of the configured model (none, or another model's): the re-embed.</summary>
    NotCurrentModel,
}
