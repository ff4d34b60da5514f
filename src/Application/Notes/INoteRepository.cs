using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.Application.Notes;

/// <summary>
/// The notes' writes (the repository contract, docs/decisions: <c>Add</c> then <c>SaveChangesAsync</c>; set-based
/// writes run at once). Reads are <see cref="INoteReader"/>'s.
/// </summary>
public interface INoteRepository
{
    /// <summary>Adds the note, with its embedding when there is one (null: the backfill embeds it later).</summary>
    void Add(Note note, NoteEmbedding? embedding);

    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <returns>Whether a note of that user was deleted.</returns>
    Task<bool> DeleteAsync(Guid id, string userId, CancellationToken cancellationToken);

    /// <returns>Whether the note still exists (it may have been deleted meanwhile).</returns>
    Task<bool> SetEmbeddingAsync(Guid id, NoteEmbedding embedding, CancellationToken cancellationToken);

    /// <summary>Counts a refusal of the note by a working provider; the backfill leaves it alone until <paramref name="retryAt"/>.</summary>
    Task RecordEmbeddingFailureAsync(Guid id, DateTimeOffset retryAt, CancellationToken cancellationToken);
}
