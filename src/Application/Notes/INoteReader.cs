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
    /// The user's notes embedded by <paramref name="query"/>'s model, nearest (cosine) first; score = 1 - distance.
    /// Notes of other models are left out: distances between two models' vectors mean nothing.
    /// </summary>
    Task<IReadOnlyList<NoteSearchHit>> SearchByVectorAsync(
        string userId, NoteEmbedding query, string? category, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The user's notes that contain every word of the query (score 1) or resemble it by trigram word similarity
    /// (score = the similarity); works on Japanese, which has no spaces between words.
    /// </summary>
    Task<IReadOnlyList<NoteSearchHit>> SearchByTextAsync(
        string userId, string query, string? category, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Keyset page (by id, after <paramref name="afterId"/>) of notes the pass still has to embed. The backfill
    /// (<see cref="EmbeddingBacklog.Missing"/>) leaves out notes whose back-off lasts beyond <paramref name="now"/>;
    /// a re-embed, an operator's explicit request, takes them regardless.
    /// </summary>
    Task<IReadOnlyList<NoteToEmbed>> ListToEmbedAsync(
        EmbeddingBacklog backlog, string model, Guid? afterId, int limit, DateTimeOffset now,
        CancellationToken cancellationToken);
}
