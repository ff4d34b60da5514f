using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Application.Notes;

/// <summary>
/// The notes' read service: projections, never entities, because a note's row carries a 6 KB embedding that no read
/// should load. Every read by user takes the owner's id and never returns another user's note: ownership is a filter
/// in the query, not a check after it, so nothing of another user's is read at all.
/// </summary>
public interface INoteReader
{
    Task<NoteResponse?> GetAsync(Guid id, string userId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<Page<NoteResponse>> ListByUserAsync(
        string userId, string? category, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Oldest first: the order the conversation produced them.</summary>
    Task<Page<NoteResponse>> ListBySessionAsync(
        string userId, string sessionId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// The user's notes embedded by <paramref name="query"/>'s model at its width, nearest (cosine) first; score =
    /// 1 - distance. Notes of other models or widths are left out: distances between them mean nothing.
    /// </summary>
    Task<IReadOnlyList<NoteSearchHit>> SearchByVectorAsync(
        string userId, NoteEmbedding query, string? category, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The user's notes that share words with the query, best first, by a lexical score in [0, 1] (1: every word
    /// occurs as a whole word): Japanese without spaces, one- and two-character words, full- and half-width forms and
    /// typos included (docs/embeddings.md, "Lexical search").
    /// </summary>
    Task<IReadOnlyList<NoteSearchHit>> SearchByTextAsync(
        string userId, string query, string? category, double minScore, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Keyset page (by id, after <paramref name="afterId"/>) of notes the pass still has to embed; a note of
    /// <paramref name="model"/> but not of <paramref name="dimensions"/> (when known) is behind too. The backfill
    /// (<see cref="EmbeddingBacklog.Missing"/>) leaves out notes whose back-off lasts beyond <paramref name="now"/>;
    /// a re-embed, an operator's explicit request, takes them regardless.
    /// </summary>
    Task<IReadOnlyList<NoteToEmbed>> ListToEmbedAsync(
        EmbeddingBacklog backlog, string model, int? dimensions, Guid? afterId, int limit, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Notes with no embedding at all, backed off or not: the backfill's backlog as an operator sees it.</summary>
    Task<long> CountWithoutEmbeddingAsync(CancellationToken cancellationToken);
}
