using Mediator;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Sessions.Queries.ListSessions;

/// <summary>The user's sessions, most recently active first; <see cref="IsActive"/> null lists both kinds.</summary>
public sealed record ListSessions(string UserId, bool? IsActive, PageRequest Page) : IRequest<Page<SessionResponse>>;

public sealed class ListSessionsHandler(ISessionRepository sessions) : IRequestHandler<ListSessions, Page<SessionResponse>>
{
    public async ValueTask<Page<SessionResponse>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var page = await sessions.ListByUserAsync(request.UserId, request.IsActive, request.Page, cancellationToken);
        return new Page<SessionResponse>(
            page.Items.Select(SessionResponse.From).ToArray(), page.Total, page.Limit, page.Offset);
    }
}
