using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Sessions.Queries.ListSessions;

/// <summary>The acting user's sessions, most recently active first; <see cref="IsActive"/> null lists both kinds.</summary>
public sealed record ListSessions(bool? IsActive, PageRequest Page)
    : IRequest<Page<SessionResponse>>, IActingUserRequest;

public sealed class ListSessionsHandler(IUser user, ISessionRepository sessions) : IRequestHandler<ListSessions, Page<SessionResponse>>
{
    public async ValueTask<Page<SessionResponse>> Handle(ListSessions request, CancellationToken cancellationToken)
    {
        var page = await sessions.ListByUserAsync(user.ActingId(), request.IsActive, request.Page, cancellationToken);
        return new Page<SessionResponse>(
            page.Items.Select(SessionResponse.From).ToArray(), page.Total, page.Limit, page.Offset);
    }
}
