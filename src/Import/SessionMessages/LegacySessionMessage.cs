using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.SessionMessages;

/// <summary>
/// One message of a session's <c>message_history</c>, as it will be stored in <c>session_messages</c>.
/// <see cref="Ordinal"/> is its place among the session's valid messages in the file (1, 2, 3, ...): the import takes
/// a session's stored history for the file's beginning, so the message belongs to the session once the session's
/// <c>last_message_seq</c> reaches it.
/// </summary>
/// <param name="Metadata">The message's other keys, verbatim, as a JSON object.</param>
public sealed record LegacySessionMessage(
    string SessionId,
    string UserId,
    int Ordinal,
    MessageRole Role,
    string Content,
    string? SlackTs,
    string Metadata,
    DateTimeOffset CreatedAt) : ILegacyRecord
{
    public string Key => $"{SessionId}#{Ordinal}";
}
