using NakamuraMisaki.Application.Import.Common;

namespace NakamuraMisaki.Application.Import.Sessions;

/// <summary>A session of <c>user_{id}_sessions.json</c>, as it will be stored in <c>sessions</c>.</summary>
/// <param name="MessageHistoryLength">
/// How many messages its <c>message_history</c> held. The schema has no place for them, so they are not imported;
/// the count is kept so the report can say how much was left behind.
/// </param>
public sealed record LegacySession(
    string SessionId,
    string UserId,
    string Title,
    string? WorkspacePath,
    int MessageCount,
    bool IsActive,
    string Options,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActive,
    int MessageHistoryLength) : ILegacyRecord
{
    public string Key => SessionId;
}
