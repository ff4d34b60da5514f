using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Sessions;

/// <summary>A conversation of a user with the assistant. Identified by a client-chosen id (the old ids were UUIDs).</summary>
public sealed class Session
{
    public const int SessionIdMaxLength = 128;
    public const int TitleMaxLength = 200;
    public const int WorkspacePathMaxLength = 1024;
    public const string EmptyOptions = "{}";

    private Session()
    {
        SessionId = UserId = Title = string.Empty;
        Options = EmptyOptions;
    }

    public string SessionId { get; private set; }
    public string UserId { get; private set; }
    public string Title { get; private set; }
    public string? WorkspacePath { get; private set; }
    public int MessageCount { get; private set; }

    /// <summary>
    /// The seq of the newest message ever appended (0: none yet). It never goes down, so a trimmed or deleted history
    /// never hands out a seq twice and a reader's <c>after_seq</c> cursor stays valid.
    /// </summary>
    public long LastMessageSeq { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The old claude_options: a JSON object kept as the client sent it (jsonb).</summary>
    public string Options { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastActive { get; private set; }

    /// <param name="title">Null or blank: <see cref="SessionTitle.Default"/> of the creation time.</param>
    /// <param name="titleZone">The zone the default title's date and time are written in.</param>
    public static Session Create(
        string sessionId, string userId, string? title, string? workspacePath, string? options, DateTimeOffset now,
        TimeZoneInfo titleZone)
    {
        var created = Timestamps.Normalize(now);
        return new Session
        {
            SessionId = sessionId,
            UserId = userId,
            Title = string.IsNullOrWhiteSpace(title) ? SessionTitle.Default(created, titleZone) : title,
            WorkspacePath = workspacePath,
            Options = options ?? EmptyOptions,
            MessageCount = 0,
            IsActive = true,
            CreatedAt = created,
            LastActive = created,
        };
    }

    /// <summary>
    /// Whether the session has been idle for longer than <paramref name="idleFor"/> at <paramref name="now"/>: the one
    /// rule behind both expiry (is_active = false) and deletion of long-inactive sessions.
    /// </summary>
    public static DateTimeOffset IdleCutoff(DateTimeOffset now, TimeSpan idleFor) => Timestamps.Normalize(now - idleFor);
}
