using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Health;

public sealed record DatabaseStatus(
    string ServerVersion,
    string? PgvectorVersion,
    int PendingMigrations,
    int ActiveConnections,
    int IdleConnections,
    int MaxConnections,
    IReadOnlyList<DataSourceStatus> DataSources);

/// <summary>What readiness reports about the database: one round trip plus the migrations history.</summary>
public sealed class DatabaseStatusReader(
    AppDbContext db, NpgsqlDataSource dataSource, ReadOnlyDataSource readOnly, ReplicationLagMetrics lag)
{
    private const string Sql = """
        SELECT current_setting('server_version'),
               (SELECT extversion FROM pg_extension WHERE extname = 'vector'),
               count(*) FILTER (WHERE state = 'active'),
               count(*) FILTER (WHERE state = 'idle'),
               current_setting('max_connections')::int
        FROM pg_stat_activity
        WHERE datname = current_database()
        """;

    public async Task<DatabaseStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        List<DataSourceStatus> sources = [await DataSourceStatus.ReadAsync("default", dataSource, cancellationToken)];
        if (readOnly.DataSource is { } replica)
        {
            sources.Add(await ReadOnlyStatusAsync(replica, cancellationToken));
        }

        sources.ForEach(lag.Observed);

        return new DatabaseStatus(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            pending,
            (int)reader.GetInt64(2),
            (int)reader.GetInt64(3),
            reader.GetInt32(4),
            sources);
    }

    /// <summary>
    /// A read connection that fails is reported, not fatal: the primary still serves every write and read-your-write,
    /// and taking every instance out of the load balancer for a replica would turn a degraded service into an outage.
    /// </summary>
    private static async Task<DataSourceStatus> ReadOnlyStatusAsync(NpgsqlDataSource replica, CancellationToken cancellationToken)
    {
        try
        {
            return await DataSourceStatus.ReadAsync(ReadOnlyDataSource.ConnectionStringName, replica, cancellationToken);
        }
        catch (Exception e) when (DatabaseUnavailability.Explains(e))
        {
            return new DataSourceStatus(ReadOnlyDataSource.ConnectionStringName, null, null, DatabaseUnavailability.Reason(e));
        }
    }
}
