using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Database.Embedded;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Vectors;
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
        await cluster.KillAsync(); // shared_buffers takes effect only at server start
        await cluster.StartAgainAsync();
        var dataSource = NpgsqlDataSourceFactory.Create(cluster.ConnectionString, new DatabaseOptions { MinPoolSize = 0 });
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DependencyInjection.ConfigureDbContext(options, dataSource, maxRetryCount: 0);
        await using (var db = new AppDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        return new BenchDatabase(cluster, dataSource);
    }

    /// <summary>Drops the index COPY would otherwise maintain row by row (the HNSW ones are built after the load).</summary>
    public Task DropSearchIndexesAsync() => ExecuteAsync("DROP INDEX ix_notes_search_tokens");

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

    /// <summary>
    /// The index as the service builds it (<see cref="NoteVectorIndex"/>: CONCURRENTLY, partial, on a cast; m 16,
    /// ef_construction 64), or its halfvec twin over the same rows. Returns the build time and the index size.
    /// </summary>
    public async Task<(TimeSpan Build, string Size)> BuildHnswIndexAsync(IndexKind kind)
    {
        var index = new NoteVectorIndex(HashedNgramEmbeddingGenerator.ModelId, EmbeddingSchema.DefaultDimensions);
        var (name, sql) = kind == IndexKind.Vector
            ? (index.Name, index.CreateConcurrentlySql)
            : (HalfvecIndex, $"CREATE INDEX CONCURRENTLY {HalfvecIndex} ON notes USING hnsw " +
                             $"((embedding::halfvec({index.Dimensions})) halfvec_cosine_ops) WHERE {index.Predicate}");
        // One session: CONCURRENTLY refuses the implicit transaction of a multi-statement command.
        await using var connection = await DataSource.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand("SET maintenance_work_mem = '2GB'; SET max_parallel_maintenance_workers = 1", connection))
        {
            await set.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var create = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 })
        {
            await create.ExecuteNonQueryAsync();
        }

        var build = clock.Elapsed;
        await ExecuteAsync("ANALYZE notes");
        await using var command = DataSource.CreateCommand($"SELECT pg_size_pretty(pg_relation_size('{name}'))");
        return (build, (string)(await command.ExecuteScalarAsync())!);
    }

    public const string HalfvecIndex = "ix_bench_notes_embedding_halfvec";

    public async Task<string> TableSizeAsync()
    {
        await using var command = DataSource.CreateCommand("SELECT pg_size_pretty(pg_table_size('notes'))");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public Task DropIndexAsync(string name) => ExecuteAsync($"DROP INDEX {name}");

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

internal enum IndexKind
{
    Vector,
    Halfvec,
}

internal sealed record BenchNote(Guid Id, string UserId, string Category, string Content, DateTimeOffset CreatedAt, float[] Embedding);
