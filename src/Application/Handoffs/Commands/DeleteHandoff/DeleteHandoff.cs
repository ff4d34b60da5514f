using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Commands.DeleteHandoff;

/// <summary>Its sender or its recipient may delete a hand-off.</summary>
/// <param name="ExpectedVersion">If-Match: the delete is one statement guarded by it (412 when stale). No retry marker
/// (IVersionedCommand): nothing is read before the write, so there is no lost race to retry.</param>
public sealed record DeleteHandoff(Guid Id, uint? ExpectedVersion = null)
    : IRequest, IActingUserRequest, IAuditedCommand
{
    public string AuditOperation => AuditOperations.DeleteHandoff;

    public string? AuditResourceId => Id.ToString();
}

public sealed class DeleteHandoffHandler(IUser user, IHandoffRepository handoffs) : IRequestHandler<DeleteHandoff>
{
    public async ValueTask<Unit> Handle(DeleteHandoff request, CancellationToken cancellationToken)
    {
        if (await handoffs.DeleteAsync(request.Id, user.ActingId(), request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        throw await VersionCheck.NothingDeletedAsync(request.ExpectedVersion,
            () => handoffs.ExistsAsync(request.Id, user.ActingId(), cancellationToken), "Hand-off", request.Id);
    }
}
