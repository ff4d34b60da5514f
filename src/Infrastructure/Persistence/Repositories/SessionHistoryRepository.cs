using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Sessions;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class SessionHistoryRepository(AppDbContext db) : ISessionHistoryRepository
{
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
        // The session row is locked before the slack_ts look-up, so a concurrent retry waits and then finds what the
        // first one stored (the protocol, seqs and the session's move are SessionAppendProtocol's, shared with import).
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tails = await SessionAppendProtocol.LockAsync(connection, [append.SessionId], timeout: null, cancellationToken);
        if (!tails.TryGetValue(append.SessionId, out var tail) || tail.UserId != append.UserId)
        {
            return null;
        }

        var known = await StoredBySlackTsAsync(append, cancellationToken);
        var now = Timestamps.Normalize(append.Now);
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
                append.SessionId, tail.Take(now), message.Role!.Value, message.Content!, message.SlackTs,
                message.Metadata?.GetRawText(), now);
            db.SessionMessages.Add(stored[i]);
        }

        if (tail.Appended > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await SessionAppendProtocol.MoveAsync(connection, tails, countAppended: true, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return new AppendOutcome(stored, tail.Appended);
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
