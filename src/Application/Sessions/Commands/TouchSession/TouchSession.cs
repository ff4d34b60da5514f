using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Sessions.Commands.TouchSession;

/// <summary>
/// Records activity: last_active = now, message_count += <see cref="Messages"/>. A touched session is active again:
/// a conversation that goes on is not idle, whatever the expiry job concluded earlier.
/// </summary>
public sealed record TouchSession(string SessionId, int Messages) : IRequest<SessionResponse>, IActingUserRequest
{
    public const int MaxMessages = 1_000;
}

public sealed class TouchSessionHandler(IUser user, ISessionRepository sessions, TimeProvider clock)
    : IRequestHandler<TouchSession, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(TouchSession request, CancellationToken cancellationToken)
    {
        if (!await sessions.TouchAsync(
                request.SessionId, user.ActingId(), request.Messages, clock.GetUtcNow(), cancellationToken))
        {
            throw new NotFoundException("Session", request.SessionId);
        }

        var touched = await sessions.GetAsync(request.SessionId, user.ActingId(), cancellationToken)
                      ?? throw new NotFoundException("Session", request.SessionId); // deleted in between
        return SessionResponse.From(touched);
    }
}
