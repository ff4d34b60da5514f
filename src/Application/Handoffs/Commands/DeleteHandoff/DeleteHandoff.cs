using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Commands.DeleteHandoff;

/// <summary>Its sender or its recipient may delete a hand-off.</summary>
public sealed record DeleteHandoff(Guid Id, string ActingUserId, uint? ExpectedVersion = null)
    : IRequest, IActingUserRequest, IVersionedCommand;

public sealed class DeleteHandoffHandler(IHandoffRepository handoffs) : IRequestHandler<DeleteHandoff>
{
    public async ValueTask<Unit> Handle(DeleteHandoff request, CancellationToken cancellationToken)
    {
        if (await handoffs.DeleteAsync(request.Id, request.ActingUserId, request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        throw await VersionCheck.NothingDeletedAsync(request.ExpectedVersion,
            () => handoffs.ExistsAsync(request.Id, request.ActingUserId, cancellationToken), "Hand-off", request.Id);
    }
}
