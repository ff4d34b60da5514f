using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Application.Notes.Commands.EnsureNoteVectorIndex;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Infrastructure.Persistence.Vectors;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;
using Pgvector;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>
/// The HNSW index under the per-user filter. A table this small is normally read by a sequential scan (exact), so
/// the tests forbid that plan to make PostgreSQL prefer the index path a big table would take; the search still reads
/// a user with few notes exactly (VectorSearchPlan).
/// </summary>
public sealed class NoteVectorIndexTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Query = "デプロイ手順";

    /// <summary>The repository's query, as SQL: what the control runs with iterative scans off.</summary>
    private const string SearchSql =
        "SELECT content FROM notes WHERE user_id = $1 AND embedding_model = $2 AND vector_dims(embedding) = 1536 " +
        "ORDER BY embedding::vector(1536) <=> $3 LIMIT 3";

    private static readonly string IndexName =
        new NoteVectorIndex(HashedNgramEmbeddingGenerator.ModelId, EmbeddingSchema.DefaultDimensions).Name;

    [Fact]
    public async Task An_index_scan_still_finds_a_users_notes_behind_many_nearer_notes_of_others()
    {
        // A user with more notes than VectorSearchPlan reads exactly: their search goes through the graph.
        var aliceCopies = VectorSearchPlan.ExactScanMaxNotes / 3 + 1;
        await using var scope = Factory.Services.CreateAsyncScope();
        var (reader, query, db) = await SeedAsync(scope, aliceCopies);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            Assert.Contains(IndexName, string.Join('\n', await RunAsync(connection, "EXPLAIN " + SearchSql, query)));

            // Control: without iterative scans the same plan starves (so the assertion below can fail).
            await db.Database.ExecuteSqlRawAsync("SET hnsw.iterative_scan = off");
            Assert.True((await RunAsync(connection, SearchSql, query)).Count < 3);

            var scansBefore = await HnswScansAsync(connection);
            var hits = await reader.SearchByVectorAsync(Alice, query, null, 3, CancellationToken.None);
            Assert.Equal(3, hits.Count);
            Assert.All(hits, h => Assert.Equal(Alice, h.UserId));
            Assert.Equal(scansBefore + 1, await HnswScansAsync(connection)); // the repository's query used the index
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET ALL");
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_user_with_few_notes_is_read_exactly_whatever_the_planner_would_prefer()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var (reader, query, db) = await SeedAsync(scope, aliceCopies: 1);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            Assert.Contains(IndexName, string.Join('\n', await RunAsync(connection, "EXPLAIN " + SearchSql, query))); // preferred

            var scansBefore = await HnswScansAsync(connection);
            var hits = await reader.SearchByVectorAsync(Alice, query, null, 3, CancellationToken.None);

            Assert.Equal(3, hits.Count);
            Assert.All(hits, h => Assert.Equal(Alice, h.UserId));
            Assert.Equal(scansBefore, await HnswScansAsync(connection)); // statistics said few: no graph scan
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET ALL");
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Bob's 300 notes are nearer the query than any of Alice's 3 × <paramref name="aliceCopies"/>; HNSW hands the
    /// filter ef_search candidates at a time. The index is built, statistics gathered, and this session forbids the
    /// sequential scan and the sort a table this small would otherwise get.
    /// </summary>
    private static async Task<(INoteReader Reader, NoteEmbedding Query, AppDbContext Db)> SeedAsync(AsyncServiceScope scope, int aliceCopies)
    {
        var notes = scope.ServiceProvider.GetRequiredService<INoteRepository>();
        var embedder = scope.ServiceProvider.GetRequiredService<ITextEmbedder>();
        for (var i = 0; i < 300; i++)
        {
            await AddAsync(notes, embedder, Bob, $"{Query} {i}");
        }

        for (var i = 0; i < 3; i++)
        {
            await AddAsync(notes, embedder, Alice, $"先週のデプロイでは手順書の確認に時間がかかった ({i})");
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO notes (id, user_id, category, content, created_at, embedding, embedding_model) " +
            "SELECT gen_random_uuid(), user_id, category, content || ' copy ' || i, created_at, embedding, embedding_model " +
            "FROM notes, generate_series(2, {0}) AS i WHERE user_id = {1}", aliceCopies, Alice);
        var query = await embedder.EmbedAsync(Query, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EnsureNoteVectorIndex());
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE notes; SET enable_seqscan = off; SET enable_sort = off");
        return (scope.ServiceProvider.GetRequiredService<INoteReader>(), query, db);
    }

    /// <summary>Index scans of the HNSW index so far, with this backend's own pending counts flushed first.</summary>
    private static async Task<long> HnswScansAsync(NpgsqlConnection connection)
    {
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = $1", connection)
        {
            Parameters = { new() { Value = IndexName } },
        };
        return (long)(await read.ExecuteScalarAsync())!;
    }

    private static async Task AddAsync(INoteRepository notes, ITextEmbedder embedder, string user, string content)
    {
        var note = Note.Create(user, null, null, content, ApiFactory.Epoch);
        notes.Add(note, await embedder.EmbedAsync(content, CancellationToken.None));
        await notes.SaveChangesAsync(CancellationToken.None);
    }

    private static async Task<List<string>> RunAsync(NpgsqlConnection connection, string sql, NoteEmbedding query)
    {
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters = { new() { Value = Alice }, new() { Value = query.Model }, new() { Value = new Vector(query.Vector) } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
