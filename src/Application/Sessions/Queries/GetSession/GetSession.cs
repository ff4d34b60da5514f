using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Sessions.Queries.GetSession;

/// <summary>The acting user's session; another user's is "not found", exactly like a missing one.</summary>
public sealed record GetSession(string SessionId) : IRequest<SessionResponse>, IActingUserRequest;

public sealed class GetSessionHandler(IUser user, ISessionRepository sessions) : IRequestHandler<GetSession, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(GetSession request, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(request.SessionId, user.ActingId(), cancellationToken)
                      ?? throw new NotFoundException("Session", request.SessionId);
        return SessionResponse.From(session);
    }
}
