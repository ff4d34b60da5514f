using Npgsql;

namespace NakamuraMisaki.Infrastructure.Health;

/// <summary>
/// What readiness says of one data source: the role of the server it reached, and how far behind the replication is in
/// bytes of WAL (a standby: received but not yet replayed; a primary: its furthest standby's replay position).
/// </summary>
public sealed record DataSourceStatus(string Name, string? Role, long? ReplayLagBytes, string? Error)
{
    // The CASEs keep pg_current_wal_lsn() (an error during recovery) and the standby functions apart.
    private const string Sql = """
        SELECT pg_is_in_recovery(),
               CASE WHEN pg_is_in_recovery()
                    THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint END,
               CASE WHEN NOT pg_is_in_recovery()
                    THEN (SELECT max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn))::bigint FROM pg_stat_replication) END
        """;

    public static async Task<DataSourceStatus> ReadAsync(string name, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var standby = reader.GetBoolean(0);
        var lag = reader.IsDBNull(standby ? 1 : 2) ? (long?)null : reader.GetInt64(standby ? 1 : 2);
        return new DataSourceStatus(name, standby ? "standby" : "primary", lag, null);
    }
}
