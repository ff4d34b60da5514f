using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Health;

public sealed record DatabaseStatus(
    string ServerVersion,
    string? PgvectorVersion,
    int PendingMigrations,
    int ActiveConnections,
    int IdleConnections,
    int MaxConnections);

/// <summary>What readiness reports about the database: one round trip plus the migrations history.</summary>
public sealed class DatabaseStatusReader(AppDbContext db, NpgsqlDataSource dataSource)
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
        return new DatabaseStatus(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            pending,
            (int)reader.GetInt64(2),
            (int)reader.GetInt64(3),
            reader.GetInt32(4));
    }
}
