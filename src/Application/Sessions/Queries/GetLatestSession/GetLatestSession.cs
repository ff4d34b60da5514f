using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Sessions.Queries.GetLatestSession;

/// <summary>The acting user's active session with the latest activity: the conversation the bot should continue.</summary>
public sealed record GetLatestSession : IRequest<SessionResponse>, IActingUserRequest;

public sealed class GetLatestSessionHandler(IUser user, ISessionRepository sessions)
    : IRequestHandler<GetLatestSession, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(GetLatestSession request, CancellationToken cancellationToken)
    {
        var session = await sessions.GetLatestActiveAsync(user.ActingId(), cancellationToken)
                      ?? throw new NotFoundException("Active session of user", user.ActingId());
        return SessionResponse.From(session);
    }
}
