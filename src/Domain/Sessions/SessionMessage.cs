using System.Text.RegularExpressions;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Sessions;

/// <summary>
/// One message of a session's conversation history. <see cref="Seq"/> is its position in the session: 1, 2, 3, ... in
/// append order, handed out by the session (<see cref="Session.LastMessageSeq"/>), so it never repeats, even after
/// the history was trimmed or deleted.
/// </summary>
public sealed partial class SessionMessage
{
    /// <summary>A long chat model answer fits: 262,144 characters, 768 KiB of Japanese UTF-8 inside a 1 MiB body.</summary>
    public const int ContentMaxLength = 262_144;

    /// <summary>Slack timestamps look like "1718412345.123456"; room for thread-qualified forms.</summary>
    public const int SlackTsMaxLength = 64;

    public const string EmptyMetadata = "{}";

    private SessionMessage()
    {
        SessionId = Content = string.Empty;
        Metadata = EmptyMetadata;
    }

    public string SessionId { get; private set; }
    public long Seq { get; private set; }
    public MessageRole Role { get; private set; }
    public string Content { get; private set; }

    /// <summary>The Slack message it came from; one Slack message is stored once per session.</summary>
    public string? SlackTs { get; private set; }

    /// <summary>A JSON object kept as sent (jsonb): whatever else the old record or the bot carries.</summary>
    public string Metadata { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Slack's message timestamp form, seconds and a fraction: "1718412345.123456".</summary>
    public static bool IsSlackTs(string value) => value.Length <= SlackTsMaxLength && SlackTsPattern().IsMatch(value);

    public static SessionMessage Create(
        string sessionId, long seq, MessageRole role, string content, string? slackTs, string? metadata,
        DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1);
        return new SessionMessage
        {
            SessionId = sessionId,
            Seq = seq,
            Role = role,
            Content = content,
            SlackTs = slackTs,
            Metadata = metadata ?? EmptyMetadata,
            CreatedAt = Timestamps.Normalize(createdAt),
        };
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackTsPattern();
}
