using Npgsql;

namespace NakamuraMisaki.Infrastructure.Sessions;

/// <summary>
/// How messages join a session's history, for every writer of them (the API's appends and the importer alike): inside
/// the writer's transaction, <see cref="LockAsync"/> takes the session rows, each <see cref="SessionTail"/> hands out
/// the next seqs, and <see cref="MoveAsync"/> moves the sessions past what was stored. The session row is the lock that
/// orders appends: whoever holds it reads last_message_seq, inserts after it and moves it, so parallel appenders get
/// consecutive ranges, never a shared or skipped seq.
/// </summary>
public static class SessionAppendProtocol
{
    // In id order, so two writers locking several sessions never wait for each other in a cycle.
    private const string LockSql =
        "SELECT session_id, user_id, last_message_seq FROM sessions WHERE session_id = ANY($1) ORDER BY session_id FOR UPDATE";

    // The one rule for the session row (docs/domain.md): last_message_seq past the new messages; message_count adds
    // the messages not counted yet and never counts fewer than were ever appended; last_active is the newest of the
    // session's activity and its new messages; a message newer than the session's last activity makes it active
    // again (an API append always is; an imported old message leaves the file's is_active as it was).
    private const string MoveSql =
        "UPDATE sessions s SET last_message_seq = v.last, " +
        "message_count = LEAST(GREATEST(s.message_count::bigint + v.uncounted, v.last), 2147483647)::int, " +
        "last_active = GREATEST(s.last_active, v.newest), " +
        "is_active = s.is_active OR v.newest > s.last_active " +
        "FROM unnest($1::text[], $2::bigint[], $3::int[], $4::timestamptz[]) AS v(session_id, last, uncounted, newest) " +
        "WHERE s.session_id = v.session_id";

    /// <summary>Locks the stored sessions among <paramref name="sessionIds"/> until the transaction ends.</summary>
    public static async Task<Dictionary<string, SessionTail>> LockAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> sessionIds, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockSql, connection);
        if (timeout is { } t)
        {
            command.CommandTimeout = (int)t.TotalSeconds;
        }

        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. sessionIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tails = new Dictionary<string, SessionTail>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            tails[reader.GetString(0)] = new SessionTail(reader.GetString(1), reader.GetInt64(2));
        }

        return tails;
    }

    /// <summary>Moves every session that was handed seqs past them, by the one rule above.</summary>
    /// <param name="countAppended">
    /// Whether the session's message_count does not include the new messages yet (an API append). The importer passes
    /// false: the sessions import counted the file's history already (its message_count is at least its length).
    /// </param>
    public static async Task MoveAsync(
        NpgsqlConnection connection, IReadOnlyDictionary<string, SessionTail> tails, bool countAppended,
        CancellationToken cancellationToken)
    {
        var moved = tails.Where(t => t.Value.Appended > 0).ToArray();
        if (moved.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(MoveSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = moved.Select(t => t.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = moved.Select(t => t.Value.LastSeq).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = moved.Select(t => countAppended ? t.Value.Appended : 0).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = moved.Select(t => t.Value.Newest.UtcDateTime).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
