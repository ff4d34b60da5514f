namespace NakamuraMisaki.Application.Notes.Embeddings;

/// <summary>
/// The embedding provider could not embed the text (unreachable, failed, timed out, or answered a wrong width).
/// Never reaches a client: saving stores the note unembedded, searching falls back to text matching.
/// </summary>
public sealed class EmbeddingUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
