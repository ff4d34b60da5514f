using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Sessions.Queries.GetLatestSession;

/// <summary>The user's active session with the latest activity: the conversation the bot should continue.</summary>
public sealed record GetLatestSession(string UserId) : IRequest<SessionResponse>;

public sealed class GetLatestSessionHandler(ISessionRepository sessions)
    : IRequestHandler<GetLatestSession, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(GetLatestSession request, CancellationToken cancellationToken)
    {
        var session = await sessions.GetLatestActiveAsync(request.UserId, cancellationToken)
                      ?? throw new NotFoundException("Active session of user", request.UserId);
        return SessionResponse.From(session);
    }
}
