namespace NakamuraMisaki.Infrastructure.Sessions;

/// <summary>
/// A session as a writer found it under its row lock (<see cref="SessionAppendProtocol.LockAsync"/>): hands out the
/// seqs after <see cref="StoredThrough"/> and remembers what it handed out for <see cref="SessionAppendProtocol.MoveAsync"/>.
/// </summary>
public sealed class SessionTail(string userId, long storedThrough)
{
    public string UserId { get; } = userId;

    /// <summary>The session's last_message_seq when it was locked.</summary>
    public long StoredThrough { get; } = storedThrough;

    public long LastSeq { get; private set; } = storedThrough;

    public int Appended => (int)(LastSeq - StoredThrough);

    /// <summary>The newest created_at among the messages handed a seq.</summary>
    public DateTimeOffset Newest { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>The seq of the next message, created at <paramref name="createdAt"/>.</summary>
    public long Take(DateTimeOffset createdAt)
    {
        if (createdAt > Newest)
        {
            Newest = createdAt;
        }

        return ++LastSeq;
    }
}
