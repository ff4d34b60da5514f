using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Queries.GetHandoff;

public sealed record GetHandoff(Guid Id) : IRequest<HandoffResponse>, IActingUserRequest;

public sealed class GetHandoffHandler(IUser user, IHandoffRepository handoffs) : IRequestHandler<GetHandoff, HandoffResponse>
{
    public async ValueTask<HandoffResponse> Handle(GetHandoff request, CancellationToken cancellationToken) =>
        HandoffResponse.From(await handoffs.GetAsync(request.Id, user.ActingId(), cancellationToken)
                             ?? throw new NotFoundException("Hand-off", request.Id));
}
