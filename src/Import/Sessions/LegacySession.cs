using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Sessions;

/// <summary>A session of <c>user_{id}_sessions.json</c>, as it will be stored in <c>sessions</c>.</summary>
/// <param name="MessageHistoryLength">
/// How many messages its <c>message_history</c> held. The schema has no place for them, so they are not imported;
/// the count is kept so the report can say how much was left behind.
/// </param>
/// <param name="UserIdFromFileName">The session had no <c>user_id</c> and took the one its file is named after.</param>
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
    int MessageHistoryLength,
    bool UserIdFromFileName) : ILegacyRecord
{
    public string Key => SessionId;
}
