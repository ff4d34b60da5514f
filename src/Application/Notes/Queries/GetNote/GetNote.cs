using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Notes.Queries.GetNote;

/// <summary>The user's note. Another user's note is "not found", exactly like a missing one: nothing leaks.</summary>
public sealed record GetNote(Guid Id, string UserId) : IRequest<NoteResponse>;

public sealed class GetNoteHandler(INoteRepository notes) : IRequestHandler<GetNote, NoteResponse>
{
    public async ValueTask<NoteResponse> Handle(GetNote request, CancellationToken cancellationToken) =>
        await notes.GetAsync(request.Id, request.UserId, cancellationToken)
        ?? throw new NotFoundException("Note", request.Id);
}
