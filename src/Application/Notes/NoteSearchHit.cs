using System.Linq.Expressions;
using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.Application.Notes;

/// <summary>
/// A note found by search. <see cref="Score"/> is in [0, 1] (cosine similarity may dip below 0 in vector mode), higher
/// for a better match; its meaning depends on the mode (docs/embeddings.md).
/// </summary>
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
    /// <summary>Which sides of the search found the note: <c>vector</c>, <c>text</c>, or both.</summary>
    public IReadOnlyList<string> MatchedBy { get; init; } = [];

    /// <summary>Best first; ties by newer creation, then by id (descending), so equal scores always come in one order.</summary>
    public static readonly IComparer<NoteSearchHit> BestFirst = Comparer<NoteSearchHit>.Create((a, b) =>
        b.Score.CompareTo(a.Score) is var byScore and not 0 ? byScore
        : b.CreatedAt.CompareTo(a.CreatedAt) is var byAge and not 0 ? byAge
        : b.Id.CompareTo(a.Id));

    /// <summary>The one way a scored note becomes a hit, for both search modes (translated to SQL, as <see cref="NoteResponse.Projection"/>).</summary>
    public static readonly Expression<Func<Note, string?, double, NoteSearchHit>> Projection = (note, embeddingModel, score) =>
        new NoteSearchHit(note.Id, note.UserId, note.SessionId, note.Category, note.Content, note.CreatedAt, embeddingModel, score);
}
