using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;
using Pgvector;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>
/// The HNSW index under the per-user filter. A table this small is normally read by a sequential scan (exact), so
/// the test forbids that plan to make PostgreSQL take the index path a big table would take.
/// </summary>
public sealed class NoteVectorIndexTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Query = "デプロイ手順";

    /// <summary>The repository's query, as SQL: what the control runs with iterative scans off.</summary>
    private const string SearchSql =
        "SELECT content FROM notes WHERE user_id = $1 AND embedding_model = $2 ORDER BY embedding <=> $3 LIMIT 3";

    [Fact]
    public async Task An_index_scan_still_finds_a_users_notes_behind_many_nearer_notes_of_others()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var notes = scope.ServiceProvider.GetRequiredService<INoteRepository>();
        var reader = scope.ServiceProvider.GetRequiredService<INoteReader>();
        var embedder = scope.ServiceProvider.GetRequiredService<ITextEmbedder>();
        // HNSW hands the filter ef_search (40) candidates at a time; Bob owns 300 notes nearer the query than Alice's.
        for (var i = 0; i < 300; i++)
        {
            await AddAsync(notes, embedder, Bob, $"{Query} {i}");
        }

        for (var i = 0; i < 3; i++)
        {
            await AddAsync(notes, embedder, Alice, $"先週のデプロイでは手順書の確認に時間がかかった ({i})");
        }

        var query = await embedder.EmbedAsync(Query, CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE notes; SET enable_seqscan = off; SET enable_sort = off");
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            Assert.Contains("ix_notes_embedding_hnsw", string.Join('\n', await RunAsync(connection, "EXPLAIN " + SearchSql, query)));

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

    /// <summary>Index scans of the HNSW index so far, with this backend's own pending counts flushed first.</summary>
    private static async Task<long> HnswScansAsync(NpgsqlConnection connection)
    {
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'ix_notes_embedding_hnsw'", connection);
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
