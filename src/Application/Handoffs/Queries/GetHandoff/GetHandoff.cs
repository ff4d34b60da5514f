using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Handoffs.Queries.GetHandoff;

public sealed record GetHandoff(Guid Id) : IRequest<HandoffResponse>;

public sealed class GetHandoffHandler(IHandoffRepository handoffs) : IRequestHandler<GetHandoff, HandoffResponse>
{
    public async ValueTask<HandoffResponse> Handle(GetHandoff request, CancellationToken cancellationToken) =>
        HandoffResponse.From(await handoffs.GetAsync(request.Id, cancellationToken)
                             ?? throw new NotFoundException("Hand-off", request.Id));
}
