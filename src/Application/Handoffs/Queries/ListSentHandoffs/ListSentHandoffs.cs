using Mediator;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Handoffs.Queries.ListSentHandoffs;

/// <summary>What the sender handed off, latest hand-over first; completed ones too unless left out.</summary>
public sealed record ListSentHandoffs(string FromUserId, bool IncludeCompleted, PageRequest Page)
    : IRequest<Page<HandoffResponse>>;

public sealed class ListSentHandoffsHandler(IHandoffRepository handoffs)
    : IRequestHandler<ListSentHandoffs, Page<HandoffResponse>>
{
    public async ValueTask<Page<HandoffResponse>> Handle(ListSentHandoffs request, CancellationToken cancellationToken) =>
        (await handoffs.ListSentAsync(request.FromUserId, request.IncludeCompleted, request.Page, cancellationToken))
        .ToResponses();
}
