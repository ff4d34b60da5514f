using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.Application.Notes.Commands.SaveNote;

/// <summary>The acting user saves a note of their own: they are its owner (user_id).</summary>
/// <param name="Category">Null: <c>general</c>.</param>
public sealed record SaveNote(string Content, string? Category, string? SessionId)
    : IRequest<NoteResponse>, IActingUserRequest;

/// <summary>
/// Stores the note with its embedding. When the embedding service fails the note is stored all the same, without
/// one, and the backfill embeds it later: a note is never lost because the embedding service was down.
/// </summary>
public sealed class SaveNoteHandler(IUser user, INoteRepository notes, ITextEmbedder embedder, TimeProvider clock)
    : IRequestHandler<SaveNote, NoteResponse>
{
    public async ValueTask<NoteResponse> Handle(SaveNote request, CancellationToken cancellationToken)
    {
        var note = Note.Create(user.ActingId(), request.SessionId, request.Category, request.Content, clock.GetUtcNow());
        NoteEmbedding? embedding;
        try
        {
            embedding = await embedder.EmbedAsync(note.Content, cancellationToken);
        }
        catch (EmbeddingUnavailableException)
        {
            embedding = null; // the embedder has logged why
        }

        notes.Add(note, embedding);
        await notes.SaveChangesAsync(cancellationToken);
        return NoteResponse.From(note, embedding?.Model);
    }
}
