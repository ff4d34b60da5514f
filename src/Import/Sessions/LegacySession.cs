using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Sessions;

/// <summary>A session of <c>user_{id}_sessions.json</c>, as it will be stored in <c>sessions</c>.</summary>
/// <param name="MessageCount">
/// The file's <c>message_count</c>, raised to the length of its <c>message_history</c> when that is longer (the
/// histories are imported too, and a session never counts fewer messages than it stores).
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
    bool UserIdFromFileName) : ILegacyRecord
{
    public string Key => SessionId;
}
