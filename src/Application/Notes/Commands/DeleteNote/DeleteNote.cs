using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Notes.Commands.DeleteNote;

/// <summary>Deletes the user's note. Another user's note is "not found", exactly like a missing one.</summary>
public sealed record DeleteNote(Guid Id, string ActingUserId) : IRequest, IActingUserRequest;

public sealed class DeleteNoteHandler(INoteRepository notes) : IRequestHandler<DeleteNote>
{
    public async ValueTask<Unit> Handle(DeleteNote request, CancellationToken cancellationToken)
    {
        if (!await notes.DeleteAsync(request.Id, request.ActingUserId, cancellationToken))
        {
            throw new NotFoundException("Note", request.Id);
        }

        return Unit.Value;
    }
}
