using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Queries.ListPendingHandoffs;

/// <summary>
/// What the recipient still has to take over (not completed) that the acting user may see (all of it for their own
/// list; for someone else's, what the acting user handed to them), earliest hand-over first.
/// </summary>
public sealed record ListPendingHandoffs(string? ToUserId, PageRequest Page)
    : IRequest<Page<HandoffResponse>>, IActingUserRequest;

public sealed class ListPendingHandoffsHandler(IUser user, IHandoffRepository handoffs)
    : IRequestHandler<ListPendingHandoffs, Page<HandoffResponse>>
{
    public async ValueTask<Page<HandoffResponse>> Handle(ListPendingHandoffs request, CancellationToken cancellationToken) =>
        (await handoffs.ListPendingForRecipientAsync(request.ToUserId ?? user.ActingId(), request.Page, user.ActingId(), cancellationToken))
        .ToResponses();
}
