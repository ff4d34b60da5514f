using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Sessions.Queries.GetSession;

/// <summary>The user's session; another user's is "not found", exactly like a missing one.</summary>
public sealed record GetSession(string SessionId, string UserId) : IRequest<SessionResponse>;

public sealed class GetSessionHandler(ISessionRepository sessions) : IRequestHandler<GetSession, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(GetSession request, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(request.SessionId, request.UserId, cancellationToken)
                      ?? throw new NotFoundException("Session", request.SessionId);
        return SessionResponse.From(session);
    }
}
