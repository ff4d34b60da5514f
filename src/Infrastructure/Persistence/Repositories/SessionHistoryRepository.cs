using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class SessionHistoryRepository(AppDbContext db) : ISessionHistoryRepository
{
    // The session row is the lock that orders appends: whoever holds it reads last_message_seq, inserts after it and
    // moves it, so 20 parallel appenders get 20 consecutive ranges, never a shared or skipped seq. It is taken before
    // the slack_ts look-up, so a concurrent retry waits and then finds what the first one stored.
    private static FormattableString LockSession(MessageAppend append) =>
        $"SELECT last_message_seq AS \"Value\" FROM sessions WHERE session_id = {append.SessionId} AND user_id = {append.UserId} FOR UPDATE";

    public Task<AppendOutcome?> AppendAsync(MessageAppend append, CancellationToken cancellationToken) =>
        // One verified transaction (ADR 0022): re-run whole on a transient failure, answered as made when it committed.
        db.InVerifiedTransactionAsync(token => AppendOnceAsync(append, token), cancellationToken);

    public async Task<int?> DeleteAsync(string sessionId, string userId, long? beforeSeq, CancellationToken cancellationToken)
    {
        if (!await db.Sessions.AnyAsync(s => s.SessionId == sessionId && s.UserId == userId, cancellationToken))
        {
            return null;
        }

        var messages = db.SessionMessages.Where(m => m.SessionId == sessionId);
        if (beforeSeq is { } before)
        {
            messages = messages.Where(m => m.Seq < before);
        }

        return await messages.ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<AppendOutcome?> AppendOnceAsync(MessageAppend append, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear(); // a re-run starts from nothing
        var locked = await db.Database.SqlQuery<long>(LockSession(append)).ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return null;
        }

        var known = await StoredBySlackTsAsync(append, cancellationToken);
        var lastSeq = locked[0];
        var stored = new SessionMessage[append.Messages.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var message = append.Messages[i];
            if (message.SlackTs is { } ts && known.TryGetValue(ts, out var already))
            {
                stored[i] = already;
                continue;
            }

            stored[i] = SessionMessage.Create(
                append.SessionId, ++lastSeq, message.Role!.Value, message.Content!, message.SlackTs,
                message.Metadata?.GetRawText(), append.Now);
            db.SessionMessages.Add(stored[i]);
        }

        var added = (int)(lastSeq - locked[0]);
        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            var now = Timestamps.Normalize(append.Now);
            await db.Sessions.Where(s => s.SessionId == append.SessionId).ExecuteUpdateAsync(setters => setters
                .SetProperty(s => s.LastMessageSeq, lastSeq)
                .SetProperty(s => s.MessageCount, s => s.MessageCount + added)
                .SetProperty(s => s.LastActive, now)
                .SetProperty(s => s.IsActive, true), cancellationToken);
        }

        db.ChangeTracker.Clear();
        return new AppendOutcome(stored, added);
    }

    private async Task<Dictionary<string, SessionMessage>> StoredBySlackTsAsync(
        MessageAppend append, CancellationToken cancellationToken)
    {
        var slackTs = append.Messages.Select(m => m.SlackTs).OfType<string>().ToArray();
        return slackTs.Length == 0
            ? []
            : await db.SessionMessages.AsNoTracking()
                .Where(m => m.SessionId == append.SessionId && m.SlackTs != null && slackTs.Contains(m.SlackTs))
                .ToDictionaryAsync(m => m.SlackTs!, StringComparer.Ordinal, cancellationToken);
    }
}
