using System.Linq.Expressions;
using NakamuraMisaki.Domain.Notes;

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
    /// <summary>
    /// The one way a note becomes a response. The embedding and its model are storage columns, not members of
    /// <see cref="Note"/>, so the model comes in beside the note. Reads translate this expression to SQL (they never
    /// load the 6 KB embedding); <see cref="From"/> applies it to a note in memory.
    /// </summary>
    public static readonly Expression<Func<Note, string?, NoteResponse>> Projection = (note, embeddingModel) =>
        new NoteResponse(note.Id, note.UserId, note.SessionId, note.Category, note.Content, note.CreatedAt, embeddingModel);

    private static readonly Func<Note, string?, NoteResponse> FromNote = Projection.Compile();

    /// <summary>Whether meaning search can find the note yet. Text search finds it either way.</summary>
    public bool Embedded => EmbeddingModel is not null;

    public static NoteResponse From(Note note, string? embeddingModel) => FromNote(note, embeddingModel);
}
