using System.Text.Json;
using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Commands.CreateSession;

/// <summary>The acting user starts a session of their own: they are its owner (user_id).</summary>
/// <param name="SessionId">Null: a new UUID (as the old bot's ids were).</param>
/// <param name="Title">Null or blank: "Session MM/DD HH:MM" in <see cref="SessionSettings.TitleTimeZone"/>.</param>
/// <param name="Options">A JSON object (the old claude_options); null: {}.</param>
public sealed record CreateSession(
    string? SessionId, string? Title, string? WorkspacePath, JsonElement? Options)
    : IRequest<SessionResponse>, IActingUserRequest;

public sealed class CreateSessionHandler(IUser user, ISessionRepository sessions, SessionSettings settings, TimeProvider clock)
    : IRequestHandler<CreateSession, SessionResponse>
{
    public async ValueTask<SessionResponse> Handle(CreateSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = Session.Create(
            request.SessionId ?? Guid.CreateVersion7(now).ToString(), user.ActingId(), request.Title,
            request.WorkspacePath, request.Options?.GetRawText(), now,
            TimeZoneInfo.FindSystemTimeZoneById(settings.TitleTimeZone));
        sessions.Add(session);
        // A session id that is taken surfaces as a unique violation: 409.
        await sessions.SaveChangesAsync(cancellationToken);
        return SessionResponse.From(session);
    }
}
