using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Queries.GetHandoff;

public sealed record GetHandoff(Guid Id, string ActingUserId) : IRequest<HandoffResponse>, IActingUserRequest;

public sealed class GetHandoffHandler(IHandoffRepository handoffs) : IRequestHandler<GetHandoff, HandoffResponse>
{
    public async ValueTask<HandoffResponse> Handle(GetHandoff request, CancellationToken cancellationToken) =>
        HandoffResponse.From(await handoffs.GetAsync(request.Id, request.ActingUserId, cancellationToken)
                             ?? throw new NotFoundException("Hand-off", request.Id));
}
