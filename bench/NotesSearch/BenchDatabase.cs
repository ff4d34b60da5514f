using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace NakamuraMisaki.Bench.NotesSearch;

/// <summary>A throwaway cluster with the service's own schema (its migrations), loaded by binary COPY.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster _cluster;

    private BenchDatabase(EmbeddedPostgresCluster cluster, NpgsqlDataSource dataSource)
    {
        _cluster = cluster;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> StartAsync(ILogger logger)
    {
        var root = Path.Combine(Path.GetTempPath(), $"nakamura-bench-{Guid.NewGuid():N}");
        var cluster = await EmbeddedPostgresCluster.StartAsync(
            root, new EmbeddedPostgresOptions { Durable = false, DatabaseName = "nakamura_bench" }, logger);
        // Room for the 600 MB of vectors, so the measurement is of the index and not of the disk.
        await using (var tune = new NpgsqlConnection(cluster.ConnectionString))
        {
            await tune.OpenAsync();
            await using var alter = new NpgsqlCommand("ALTER SYSTEM SET shared_buffers = '1GB'", tune);
            await alter.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await cluster.RestartAsync(durable: false);
        var dataSource = NpgsqlDataSourceFactory.Create(cluster.ConnectionString, new DatabaseOptions { MinPoolSize = 0 });
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, dataSource, maxRetryCount: 0);
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        return new BenchDatabase(cluster, dataSource);
    }

    /// <summary>Drops the indexes COPY would otherwise maintain row by row; the HNSW one is rebuilt and timed.</summary>
    public Task DropSearchIndexesAsync() =>
        ExecuteAsync("DROP INDEX ix_notes_embedding_hnsw; DROP INDEX ix_notes_content_trgm");

    public async Task<TimeSpan> CopyAsync(IEnumerable<BenchNote> notes)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY notes (id, user_id, session_id, category, content, created_at, embedding, embedding_model) FROM STDIN (FORMAT BINARY)");
        foreach (var note in notes)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(note.Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync(note.UserId, NpgsqlDbType.Varchar);
            await writer.WriteNullAsync();
            await writer.WriteAsync(note.Category, NpgsqlDbType.Varchar);
            await writer.WriteAsync(note.Content, NpgsqlDbType.Text);
            await writer.WriteAsync(note.CreatedAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(new Vector(note.Embedding));
            await writer.WriteAsync(HashedNgramEmbeddingGenerator.ModelId, NpgsqlDbType.Varchar);
        }

        await writer.CompleteAsync();
        return clock.Elapsed;
    }

    /// <summary>The migration's index, with the same defaults (m = 16, ef_construction = 64).</summary>
    public async Task<TimeSpan> BuildHnswIndexAsync()
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(
            "SET maintenance_work_mem = '2GB'; SET max_parallel_maintenance_workers = 1; " +
            "CREATE INDEX ix_notes_embedding_hnsw ON notes USING hnsw (embedding vector_cosine_ops); ANALYZE notes");
        return clock.Elapsed;
    }

    public async Task<string> SizesAsync()
    {
        await using var command = DataSource.CreateCommand(
            "SELECT pg_size_pretty(pg_table_size('notes')), pg_size_pretty(pg_relation_size('ix_notes_embedding_hnsw'))");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"table {reader.GetString(0)}, HNSW index {reader.GetString(1)}";
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await _cluster.DestroyAsync();
    }
}

internal sealed record BenchNote(Guid Id, string UserId, string Category, string Content, DateTimeOffset CreatedAt, float[] Embedding);
