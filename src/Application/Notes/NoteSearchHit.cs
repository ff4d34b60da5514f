using System.Linq.Expressions;
using NakamuraMisaki.Domain.Notes;

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
    double Score)
{
    /// <summary>The one way a scored note becomes a hit, for both search modes (translated to SQL, as <see cref="NoteResponse.Projection"/>).</summary>
    public static readonly Expression<Func<Note, string?, double, NoteSearchHit>> Projection = (note, embeddingModel, score) =>
        new NoteSearchHit(note.Id, note.UserId, note.SessionId, note.Category, note.Content, note.CreatedAt, embeddingModel, score);
}
