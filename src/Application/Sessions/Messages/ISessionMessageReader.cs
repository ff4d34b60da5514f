namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>
/// Reads of conversation histories, projected to responses (ADR 0007's read service): a bot reads the last N messages
/// on every turn, so that path borrows no DbContext, and search answers scored hits. Each takes the owner's id:
/// another user's session is treated as missing (null), and search leaves it out.
/// </summary>
public interface ISessionMessageReader
{
    Task<SessionMessageResponse?> GetAsync(string sessionId, string userId, long seq, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages with seq above <paramref name="afterSeq"/>, in seq order.</summary>
    Task<SessionMessagePage?> ListAfterAsync(
        string sessionId, string userId, long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="count"/> messages, oldest first.</summary>
    Task<IReadOnlyList<SessionMessageResponse>?> ListLastAsync(
        string sessionId, string userId, int count, CancellationToken cancellationToken);

    /// <summary>The user's messages matching <paramref name="query"/> by text, best first; optionally of one session.</summary>
    Task<IReadOnlyList<SessionMessageSearchHit>> SearchAsync(
        string userId, string query, string? sessionId, int limit, CancellationToken cancellationToken);
}
