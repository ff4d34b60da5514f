using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Handoffs.Commands.DeleteHandoff;

public sealed record DeleteHandoff(Guid Id) : IRequest;

public sealed class DeleteHandoffHandler(IHandoffRepository handoffs) : IRequestHandler<DeleteHandoff>
{
    public async ValueTask<Unit> Handle(DeleteHandoff request, CancellationToken cancellationToken)
    {
        if (!await handoffs.DeleteAsync(request.Id, cancellationToken))
        {
            throw new NotFoundException("Hand-off", request.Id);
        }

        return Unit.Value;
    }
}
