using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Handoffs.Queries.ListSentHandoffs;

/// <summary>
/// What the sender handed off that the acting user may see (all of it for their own list; for someone else's, what
/// was handed to the acting user), latest hand-over first; completed ones too unless left out.
/// </summary>
public sealed record ListSentHandoffs(string? FromUserId, bool IncludeCompleted, PageRequest Page)
    : IRequest<Page<HandoffResponse>>, IActingUserRequest;

public sealed class ListSentHandoffsHandler(IUser user, IHandoffRepository handoffs)
    : IRequestHandler<ListSentHandoffs, Page<HandoffResponse>>
{
    public async ValueTask<Page<HandoffResponse>> Handle(ListSentHandoffs request, CancellationToken cancellationToken) =>
        (await handoffs.ListSentAsync(
            request.FromUserId ?? user.ActingId(), request.IncludeCompleted, request.Page, user.ActingId(), cancellationToken))
        .ToResponses();
}
