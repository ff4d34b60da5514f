using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Commands.ChangeHandoffStatus;

public enum HandoffTransition
{
    Accept,
    Complete,
}

/// <summary>
/// accept (the recipient only) / complete (sender or recipient). The entity refuses illegal transitions, including
/// a sender accepting their own hand-off (409).
/// </summary>
public sealed record ChangeHandoffStatus(
    Guid Id, HandoffTransition Transition, uint? ExpectedVersion = null)
    : IRequest<HandoffResponse>, IActingUserRequest, IVersionedCommand;

public sealed class ChangeHandoffStatusHandler(IUser user, IHandoffRepository handoffs, TimeProvider clock)
    : IRequestHandler<ChangeHandoffStatus, HandoffResponse>
{
    public async ValueTask<HandoffResponse> Handle(ChangeHandoffStatus request, CancellationToken cancellationToken)
    {
        var handoff = await handoffs.FindForUpdateAsync(request.Id, user.ActingId(), cancellationToken)
            .AtVersion(request.ExpectedVersion, "Hand-off", request.Id);
        var now = clock.GetUtcNow();
        switch (request.Transition)
        {
            case HandoffTransition.Accept: handoff.Accept(user.ActingId(), now); break;
            case HandoffTransition.Complete: handoff.Complete(now); break;
            default: throw new ArgumentOutOfRangeException(nameof(request), request.Transition, null);
        }

        await handoffs.SaveChangesAsync(cancellationToken);
        return HandoffResponse.From(handoff);
    }
}
