using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Notes.Queries.GetNote;

/// <summary>The user's note. Another user's note is "not found", exactly like a missing one: nothing leaks.</summary>
public sealed record GetNote(Guid Id) : IRequest<NoteResponse>, IActingUserRequest;

public sealed class GetNoteHandler(IUser user, INoteReader notes) : IRequestHandler<GetNote, NoteResponse>
{
    public async ValueTask<NoteResponse> Handle(GetNote request, CancellationToken cancellationToken) =>
        await notes.GetAsync(request.Id, user.ActingId(), cancellationToken)
        ?? throw new NotFoundException("Note", request.Id);
}
