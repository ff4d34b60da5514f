namespace NakamuraMisaki.Application.Notes;

/// <param name="EmbeddingModel">The model that embedded the note; null while it waits for the backfill.</param>
public sealed record NoteResponse(
    Guid Id,
    string UserId,
    string? SessionId,
    string Category,
    string Content,
    DateTimeOffset CreatedAt,
    string? EmbeddingModel)
{
    /// <summary>Whether meaning search can find the note yet. Text search finds it either way.</summary>
    public bool Embedded => EmbeddingModel is not null;
}
