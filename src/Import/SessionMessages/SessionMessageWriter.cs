using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Import.Common;
using NakamuraMisaki.Infrastructure.Sessions;
using Npgsql;
using NpgsqlTypes;
using static NakamuraMisaki.Import.Common.StagedColumn;

namespace NakamuraMisaki.Import.SessionMessages;

/// <summary>
/// Appends histories to their sessions by the API's own append protocol (<see cref="SessionAppendProtocol"/>): per
/// batch, in one transaction that holds the session rows (so a bot appending at the same time waits, and no seq is
/// shared or skipped), each message the session lacks is given the next seq and written by binary COPY, and the
/// sessions move past them by the same rule as an API append. A session's
/// stored history is taken for the file's beginning: a message whose ordinal the session's last_message_seq reaches
/// is already present; the next one is appended; one after a gap (an earlier message refused) is not, so a later run
/// carries on from the same place instead of storing out of order.
/// </summary>
internal sealed class SessionMessageWriter(NpgsqlDataSource dataSource) : IImportWriter<LegacySessionMessage>
{
    public const string Table = "session_messages";

    /// <summary>Every column of session_messages: a test checks the list against the EF Core model.</summary>
    internal static readonly IReadOnlyList<StagedColumn<Appended>> Columns =
    [
        Text<Appended>("session_id", a => a.Message.SessionId),
        Bigint<Appended>("seq", a => a.Seq),
        Text<Appended>("role", a => MessageRoleNames.Words.Name(a.Message.Role)),
        Text<Appended>("content", a => a.Message.Content),
        Text<Appended>("slack_ts", a => a.Message.SlackTs),
        Jsonb<Appended>("metadata", a => a.Message.Metadata),
        TimestampTz<Appended>("created_at", a => a.Message.CreatedAt),
    ];

    private const string NoSession = "(its session is not stored)";
    private const string OtherOwner = "(its session belongs to another user)";
    private const string AfterGap = "(an earlier message of its session was not stored)";
    private const string SlackTsTaken = "(its slack_ts is stored in the session already, as another message)";

    public int BatchSize => 5_000;

    public Task<IReadOnlyDictionary<string, RowOutcome>> ImportAsync(
        IReadOnlyList<LegacySessionMessage> rows, CancellationToken cancellationToken) => RunAsync(rows, write: true, cancellationToken);

    public Task<IReadOnlyDictionary<string, RowOutcome>> CompareAsync(
        IReadOnlyList<LegacySessionMessage> rows, CancellationToken cancellationToken) => RunAsync(rows, write: false, cancellationToken);

    private async Task<IReadOnlyDictionary<string, RowOutcome>> RunAsync(
        IReadOnlyList<LegacySessionMessage> rows, bool write, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var sessionIds = rows.Select(r => r.SessionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var sessions = write
                ? await SessionAppendProtocol.LockAsync(connection, sessionIds, BinaryCopy.Timeout, cancellationToken)
                : await StoredHistoriesAsync(connection, sessionIds, cancellationToken);
            var takenSlackTs = await StoredSlackTsAsync(connection, rows, cancellationToken);
            var outcomes = new Dictionary<string, RowOutcome>(StringComparer.Ordinal);
            var appended = new List<Appended>();
            foreach (var row in rows)
            {
                outcomes[row.Key] = Classify(row, sessions, takenSlackTs, write, appended);
            }

            if (write && appended.Count > 0)
            {
                await CopyAsync(connection, appended, cancellationToken);
                await SessionAppendProtocol.MoveAsync(connection, sessions, countAppended: false, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return outcomes;
        }
        catch (PostgresException e) when (BinaryCopy.RefusesData(e))
        {
            throw BinaryCopy.Refused(e);
        }
    }

    private static RowOutcome Classify(
        LegacySessionMessage row, Dictionary<string, SessionTail> sessions, HashSet<(string, string)> takenSlackTs,
        bool write, List<Appended> appended)
    {
        if (!sessions.TryGetValue(row.SessionId, out var session))
        {
            return new RowOutcome(RowState.Conflict, [NoSession]);
        }

        if (session.UserId != row.UserId)
        {
            return new RowOutcome(RowState.Conflict, [OtherOwner]);
        }

        if (row.Ordinal <= session.StoredThrough)
        {
            return RowOutcome.AlreadyPresent;
        }

        if (!write)
        {
            return RowOutcome.Missing;
        }

        if (row.Ordinal != session.LastSeq + 1)
        {
            return new RowOutcome(RowState.Conflict, [AfterGap]);
        }

        if (row.SlackTs is { } ts && takenSlackTs.Contains((row.SessionId, ts)))
        {
            return new RowOutcome(RowState.Conflict, [SlackTsTaken]);
        }

        appended.Add(new Appended(row, session.Take(row.CreatedAt)));
        return RowOutcome.Imported;
    }

    /// <summary>
    /// Comparing (verify, dry run): a session's history reaches as far as it holds messages, so a lost one shows as
    /// missing. (Importing, it reaches last_message_seq, trimmed or not: a trimmed message is not brought back.)
    /// </summary>
    private static async Task<Dictionary<string, SessionTail>> StoredHistoriesAsync(
        NpgsqlConnection connection, string[] sessionIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT s.session_id, s.user_id, (SELECT count(*) FROM session_messages m WHERE m.session_id = s.session_id) " +
            "FROM sessions s WHERE s.session_id = ANY($1)", connection) { CommandTimeout = (int)BinaryCopy.Timeout.TotalSeconds };
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = sessionIds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sessions = new Dictionary<string, SessionTail>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions[reader.GetString(0)] = new SessionTail(reader.GetString(1), reader.GetInt64(2));
        }

        return sessions;
    }

    private static async Task<HashSet<(string, string)>> StoredSlackTsAsync(
        NpgsqlConnection connection, IReadOnlyList<LegacySessionMessage> rows, CancellationToken cancellationToken)
    {
        var withTs = rows.Where(r => r.SlackTs is not null).ToArray();
        var taken = new HashSet<(string, string)>();
        if (withTs.Length == 0)
        {
            return taken;
        }

        await using var command = new NpgsqlCommand(
            "SELECT m.session_id, m.slack_ts FROM session_messages m " +
            "JOIN unnest($1::text[], $2::text[]) AS t(session_id, slack_ts) USING (session_id, slack_ts)", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = withTs.Select(r => r.SessionId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = withTs.Select(r => r.SlackTs!).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add((reader.GetString(0), reader.GetString(1)));
        }

        return taken;
    }

    private static Task CopyAsync(NpgsqlConnection connection, List<Appended> appended, CancellationToken cancellationToken) =>
        BinaryCopy.WriteAsync(connection, Table, Columns, appended, cancellationToken);

    internal readonly record struct Appended(LegacySessionMessage Message, long Seq);
}
