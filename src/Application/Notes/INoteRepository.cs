using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.Application.Notes;

/// <summary>
/// Notes storage. Every read takes the owner's id and never returns another user's note: ownership is a filter in
/// the query, not a check after it, so nothing of another user's is read at all.
/// </summary>
public interface INoteRepository
{
    /// <summary>Stores the note, with its embedding when there is one (null: the backfill embeds it later).</summary>
    Task AddAsync(Note note, NoteEmbedding? embedding, CancellationToken cancellationToken);

    Task<NoteResponse?> GetAsync(Guid id, string userId, CancellationToken cancellationToken);

    /// <returns>Whether a note of that user was deleted.</returns>
    Task<bool> DeleteAsync(Guid id, string userId, CancellationToken cancellationToken);

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

    /// <summary>Keyset page (by id, after <paramref name="afterId"/>) of notes the pass still has to embed.</summary>
    Task<IReadOnlyList<NoteToEmbed>> ListToEmbedAsync(
        EmbeddingBacklog backlog, string model, Guid? afterId, int limit, CancellationToken cancellationToken);

    /// <returns>Whether the note still exists (it may have been deleted meanwhile).</returns>
    Task<bool> SetEmbeddingAsync(Guid id, NoteEmbedding embedding, CancellationToken cancellationToken);
}
