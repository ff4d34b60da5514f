namespace NakamuraMisaki.Application.Notes;

/// <summary>A note found by search. <see cref="Score"/> is higher for a better match; its scale depends on the mode.</summary>
public sealed record NoteSearchHit(
    Guid Id,
    string UserId,
    string? SessionId,
    string Category,
    string Content,
    DateTimeOffset CreatedAt,
    string? EmbeddingModel,
    double Score);
