using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Notes.Commands.DeleteNote;

/// <summary>Deletes the user's note. Another user's note is "not found", exactly like a missing one.</summary>
public sealed record DeleteNote(Guid Id) : IRequest, IActingUserRequest, IAuditedCommand
{
    public string AuditOperation => AuditOperations.DeleteNote;

    public string? AuditResourceId => Id.ToString();
}

public sealed class DeleteNoteHandler(IUser user, INoteRepository notes) : IRequestHandler<DeleteNote>
{
    public async ValueTask<Unit> Handle(DeleteNote request, CancellationToken cancellationToken)
    {
        if (!await notes.DeleteAsync(request.Id, user.ActingId(), cancellationToken))
        {
            throw new NotFoundException("Note", request.Id);
        }

        return Unit.Value;
    }
}
