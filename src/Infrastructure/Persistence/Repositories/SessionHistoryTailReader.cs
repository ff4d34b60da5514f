using System.Data.Common;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <summary>
/// The history reads a bot makes on every turn (the last N, a page after a seq), without EF Core: one prepared
/// statement that checks the owner and reads the messages in one round trip (a backward or forward scan of the
/// primary key), retried on transient failures like every EF Core query. A singleton, like <see cref="TaskReader"/>.
/// </summary>
public sealed class SessionHistoryTailReader(NpgsqlDataSource dataSource, TransientReadRetry retry)
{
    // No row: the user has no such session. One row with a NULL seq: the session has no messages (yet).
    private const string Owned =
        "SELECT m.seq, m.role, m.content, m.slack_ts, m.metadata::text, m.created_at FROM sessions s LEFT JOIN LATERAL (" +
        "SELECT seq, role, content, slack_ts, metadata, created_at FROM session_messages WHERE session_id = s.session_id ";

    private const string LastSql = Owned + "ORDER BY seq DESC LIMIT $3) m ON true WHERE s.session_id = $1 AND s.user_id = $2 ORDER BY m.seq";
    private const string AfterSql = Owned + "AND seq > $3 ORDER BY seq LIMIT $4) m ON true WHERE s.session_id = $1 AND s.user_id = $2 ORDER BY m.seq";

    /// <summary>The last <paramref name="count"/> messages, oldest first; null when the user has no such session.</summary>
    public Task<List<SessionMessage>?> LastAsync(string sessionId, string userId, int count, CancellationToken cancellationToken) =>
        retry.ExecuteAsync((this, sessionId, userId, count), static (s, ct) =>
            s.Item1.ReadAsync(LastSql, s.sessionId, s.userId, null, s.count, ct), cancellationToken);

    /// <summary>Up to <paramref name="limit"/> messages after <paramref name="afterSeq"/>; null when the user has no such session.</summary>
    public Task<List<SessionMessage>?> AfterAsync(
        string sessionId, string userId, long afterSeq, int limit, CancellationToken cancellationToken) =>
        retry.ExecuteAsync((this, sessionId, userId, afterSeq, limit), static (s, ct) =>
            s.Item1.ReadAsync(AfterSql, s.sessionId, s.userId, s.afterSeq, s.limit, ct), cancellationToken);

    private async Task<List<SessionMessage>?> ReadAsync(
        string sql, string sessionId, string userId, long? afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sessionId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId });
        if (afterSeq is { } after)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after }); // $3, then the limit is $4
        }

        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<SessionMessage>? messages = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            messages ??= [];
            if (!reader.IsDBNull(0))
            {
                messages.Add(Materialize(sessionId, reader));
            }
        }

        return messages;
    }

    private static SessionMessage Materialize(string sessionId, DbDataReader row) => SessionMessage.Create(
        sessionId, row.GetInt64(0), MessageRoleNames.Words.Parse(row.GetString(1)), row.GetString(2),
        row.IsDBNull(3) ? null : row.GetString(3), row.GetString(4), row.GetFieldValue<DateTimeOffset>(5));
}
