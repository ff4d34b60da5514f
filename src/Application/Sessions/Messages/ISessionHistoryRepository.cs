using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>
/// Writes to a session's conversation history (ADR 0007's repository, set-based): an append is one transaction that
/// holds the session row while it numbers and stores the messages (ADR 0012), so it commits by itself, like the other
/// set-based writes. Every method takes the owner's id: another user's session is treated as missing (null).
/// </summary>
public interface ISessionHistoryRepository
{
    /// <summary>
    /// In one transaction that holds the session row: skips messages whose slack_ts the session already stores, gives
    /// the rest the next seqs (dense, never shared with a concurrent append), stores them, and moves the session's
    /// message_count and last_active.
    /// </summary>
    /// <returns>Null when the user has no such session.</returns>
    Task<AppendOutcome?> AppendAsync(MessageAppend append, CancellationToken cancellationToken);

    /// <summary>Deletes the whole history, or the messages with seq below <paramref name="beforeSeq"/>.</summary>
    /// <returns>How many were deleted; null when the user has no such session.</returns>
    Task<int?> DeleteAsync(string sessionId, string userId, long? beforeSeq, CancellationToken cancellationToken);
}

public sealed record MessageAppend(
    string SessionId, string UserId, IReadOnlyList<INewSessionMessage> Messages, DateTimeOffset Now);

/// <param name="Messages">One per requested message, in request order: the stored one (new or already there).</param>
/// <param name="Added">How many of them this append stored.</param>
public sealed record AppendOutcome(IReadOnlyList<SessionMessage> Messages, int Added);
