using Mediator;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Handoffs.Queries.ListPendingHandoffs;

/// <summary>What the recipient still has to take over (not completed), earliest hand-over first.</summary>
public sealed record ListPendingHandoffs(string ToUserId, PageRequest Page) : IRequest<Page<HandoffResponse>>;

public sealed class ListPendingHandoffsHandler(IHandoffRepository handoffs)
    : IRequestHandler<ListPendingHandoffs, Page<HandoffResponse>>
{
    public async ValueTask<Page<HandoffResponse>> Handle(ListPendingHandoffs request, CancellationToken cancellationToken) =>
        (await handoffs.ListPendingForRecipientAsync(request.ToUserId, request.Page, cancellationToken)).ToResponses();
}
