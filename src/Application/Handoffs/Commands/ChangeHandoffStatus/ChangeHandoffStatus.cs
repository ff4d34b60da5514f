using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Handoffs.Commands.ChangeHandoffStatus;

public enum HandoffTransition
{
    Accept,
    Complete,
}

/// <summary>accept / complete. The entity refuses illegal transitions (409).</summary>
public sealed record ChangeHandoffStatus(Guid Id, HandoffTransition Transition) : IRequest<HandoffResponse>;

public sealed class ChangeHandoffStatusHandler(IHandoffRepository handoffs, TimeProvider clock)
    : IRequestHandler<ChangeHandoffStatus, HandoffResponse>
{
    public async ValueTask<HandoffResponse> Handle(ChangeHandoffStatus request, CancellationToken cancellationToken)
    {
        var handoff = await handoffs.FindForUpdateAsync(request.Id, cancellationToken)
                      ?? throw new NotFoundException("Hand-off", request.Id);
        var now = clock.GetUtcNow();
        switch (request.Transition)
        {
            case HandoffTransition.Accept: handoff.Accept(now); break;
            case HandoffTransition.Complete: handoff.Complete(now); break;
            default: throw new ArgumentOutOfRangeException(nameof(request), request.Transition, null);
        }

        await handoffs.SaveChangesAsync(cancellationToken);
        return HandoffResponse.From(handoff);
    }
}
