namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <summary>
/// Turns texts into vectors with the configured provider (an IEmbeddingGenerator, see Infrastructure/Embeddings).
/// Implementations bound the wait, check the width, and report every provider failure as
/// <see cref="EmbeddingUnavailableException"/>, so callers can fall back instead of failing.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The configured model, as recorded in notes.embedding_model.</summary>
    string Model { get; }

    /// <summary>
    /// The width every vector of <see cref="Model"/> must have: Embeddings:Dimensions, or the model's first answer;
    /// null until one of the two is known. A vector of another width is refused like a provider failure.
    /// </summary>
    int? Dimensions { get; }

    /// <summary>One vector per text, in order.</summary>
    /// <exception cref="EmbeddingUnavailableException">The provider failed, timed out, or answered a wrong width.</exception>
    Task<IReadOnlyList<NoteEmbedding>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

public static class TextEmbedderExtensions
{
    public static async Task<NoteEmbedding> EmbedAsync(
        this ITextEmbedder embedder, string text, CancellationToken cancellationToken) =>
        (await embedder.EmbedAsync([text], cancellationToken))[0];
}
