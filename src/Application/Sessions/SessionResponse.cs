using System.Text.Json;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions;

/// <param name="Options">The old claude_options, the JSON object the client stored.</param>
public sealed record SessionResponse(
    string SessionId,
    string UserId,
    string Title,
    string? WorkspacePath,
    int MessageCount,
    bool IsActive,
    JsonElement Options,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActive)
{
    public static SessionResponse From(Session session)
    {
        using var options = JsonDocument.Parse(session.Options);
        return new SessionResponse(
            session.SessionId, session.UserId, session.Title, session.WorkspacePath, session.MessageCount,
            session.IsActive, options.RootElement.Clone(), session.CreatedAt, session.LastActive);
    }
}
