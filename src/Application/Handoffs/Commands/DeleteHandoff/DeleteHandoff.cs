using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Commands.DeleteHandoff;

/// <summary>Its sender or its recipient may delete a hand-off.</summary>
public sealed record DeleteHandoff(Guid Id, uint? ExpectedVersion = null) : IRequest, IActingUserRequest;

public sealed class DeleteHandoffHandler(IUser user, IHandoffRepository handoffs) : IRequestHandler<DeleteHandoff>
{
    public async ValueTask<Unit> Handle(DeleteHandoff request, CancellationToken cancellationToken)
    {
        if (await handoffs.DeleteAsync(request.Id, user.ActingId(), request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        // Nothing deleted: either there is no such hand-off, or it is no longer at the version the client named.
        throw request.ExpectedVersion is { } expected && await handoffs.ExistsAsync(request.Id, user.ActingId(), cancellationToken)
            ? new StaleVersionException("Hand-off", request.Id, expected)
            : new NotFoundException("Hand-off", request.Id);
    }
}
