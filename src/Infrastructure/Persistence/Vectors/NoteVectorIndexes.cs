using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Embeddings;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Application.Notes.Embeddings;
using Npgsql;

namespace NakamuraMisaki.Infrastructure.Persistence.Vectors;

/// <summary>
/// Builds and drops the per-model HNSW indexes with CREATE/DROP INDEX CONCURRENTLY, which cannot run in a
/// transaction and never block saves or searches. Instances agree through an advisory lock per index, taken with
/// pg_try_advisory_lock in a loop: a session blocked in pg_advisory_lock holds a snapshot that the other instance's
/// concurrent build would wait for, a deadlock.
/// </summary>
public sealed class NoteVectorIndexes(
    NpgsqlDataSource dataSource, IOptions<EmbeddingOptions> options, ILogger<NoteVectorIndexes> logger) : INoteVectorIndexes
{
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(500);

    public async Task<bool> EnsureAsync(string model, int dimensions, CancellationToken cancellationToken)
    {
        var index = new NoteVectorIndex(model, dimensions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await LockAsync(connection, index, cancellationToken);
        try
        {
            var valid = await IsValidAsync(connection, index, cancellationToken);
            if (valid == true)
            {
                return false;
            }

            if (valid == false)
            {
                // An interrupted concurrent build leaves an INVALID index that the planner ignores but writes still
                // maintain; IF NOT EXISTS would keep it forever.
                logger.LogWarning("Dropping the invalid index {Index} left by an interrupted build", index.Name);
                await ExecuteAsync(connection, index.DropConcurrentlySql, cancellationToken);
            }

            logger.LogInformation("Building {Index} for {Model} ({Dimensions} dimensions), concurrently",
                index.Name, model, dimensions);
            var started = Stopwatch.GetTimestamp();
            // Session-level (CONCURRENTLY cannot run in a transaction, so no SET LOCAL); reset before the connection
            // goes back to the pool.
            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"SET maintenance_work_mem = '{options.Value.Index.BuildMemoryMb}MB'"), cancellationToken);
            await ExecuteAsync(connection, index.CreateConcurrentlySql, cancellationToken);
            await ExecuteAsync(connection, "RESET maintenance_work_mem", cancellationToken);
            logger.LogInformation("Built {Index} in {Seconds:F1} s", index.Name, Stopwatch.GetElapsedTime(started).TotalSeconds);
            return true;
        }
        finally
        {
            await UnlockAsync(connection, index);
        }
    }

    public async Task<bool> DropIfEmptyAsync(string model, int dimensions, CancellationToken cancellationToken)
    {
        var index = new NoteVectorIndex(model, dimensions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await LockAsync(connection, index, cancellationToken);
        try
        {
            await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM notes WHERE {index.Predicate})", connection);
            if ((bool)(await any.ExecuteScalarAsync(cancellationToken))!)
            {
                return false;
            }

            await ExecuteAsync(connection, index.DropConcurrentlySql, cancellationToken);
            return true;
        }
        finally
        {
            await UnlockAsync(connection, index);
        }
    }

    /// <returns>null when absent, else whether PostgreSQL may use it.</returns>
    private static async Task<bool?> IsValidAsync(NpgsqlConnection connection, NoteVectorIndex index, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1 " +
            "AND c.relnamespace = current_schema()::regnamespace", connection)
        {
            Parameters = { new() { Value = index.Name } },
        };
        return await command.ExecuteScalarAsync(cancellationToken) as bool?;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NoteVectorIndex index, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext($1))", connection)
        {
            Parameters = { new() { Value = index.Name } },
        };
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            await Task.Delay(LockPoll, cancellationToken); // another instance is building it
        }
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, NoteVectorIndex index)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtext($1))", connection)
        {
            Parameters = { new() { Value = index.Name } },
        };
        await command.ExecuteScalarAsync(CancellationToken.None);
    }

    /// <summary>No command timeout: building the index of 100k notes takes minutes.</summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
