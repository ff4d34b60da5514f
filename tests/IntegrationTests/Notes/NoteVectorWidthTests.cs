using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Commands.EnsureNoteVectorIndex;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Vectors;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>
/// A model of another width, configured with no code change and no migration: its notes sit in the same untyped
/// column beside the old model's, get their own partial HNSW index, and the service's search query uses it.
/// </summary>
public sealed class NoteVectorWidthTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Model = "test-model-384";

    [Fact]
    public async Task A_model_of_another_width_gets_its_own_index_which_the_search_uses()
    {
        await Client.SaveNoteAsync("旧モデルで保存したデプロイ手順のメモ"); // 1536 dimensions, the default model
        Factory.Embeddings.UseModel(Model, 384);
        for (var i = 0; i < 30; i++)
        {
            await Client.SaveNoteAsync($"ステージング環境の構築メモ {i}", user: Bob);
        }

        var wanted = await Client.SaveNoteAsync("本番データベースの移行手順をまとめた");
        Assert.True(wanted.GetProperty("embedded").GetBoolean());

        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EnsureNoteVectorIndex());
        Assert.Equal((Model, 384, true), (result.Model, result.Dimensions, result.Indexable));
        var index = new NoteVectorIndex(Model, 384);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            Assert.Contains($"WHERE (((embedding_model)::text = '{Model}'::text) AND (vector_dims(embedding) = 384))",
                await ScalarAsync(connection, $"SELECT indexdef FROM pg_indexes WHERE indexname = '{index.Name}'"));

            // Force the index path a big table would take; the repository's own query must then scan the index.
            await db.Database.ExecuteSqlRawAsync("ANALYZE notes; SET enable_seqscan = off; SET enable_sort = off");
            var before = await IndexScansAsync(connection, index.Name);
            var embedder = scope.ServiceProvider.GetRequiredService<ITextEmbedder>();
            var query = await embedder.EmbedAsync("データベースの移行手順", CancellationToken.None);
            var hits = await scope.ServiceProvider.GetRequiredService<INoteReader>()
                .SearchByVectorAsync(Alice, query, null, 3, CancellationToken.None);

            Assert.Equal(384, query.Vector.Length);
            Assert.Equal(wanted.Id(), hits[0].Id.ToString());
            Assert.Single(hits); // Alice's note of the old model and width is not comparable, so not returned
            Assert.Equal(before + 1, await IndexScansAsync(connection, index.Name));
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET ALL");
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Ensuring_an_index_twice_builds_it_once()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var indexes = scope.ServiceProvider.GetRequiredService<INoteVectorIndexes>();
        var results = await Task.WhenAll(
            indexes.EnsureAsync("test-model-twice", 8, CancellationToken.None),
            indexes.EnsureAsync("test-model-twice", 8, CancellationToken.None));
        Assert.Equal(1, results.Count(built => built));
        Assert.False(await indexes.EnsureAsync("test-model-twice", 8, CancellationToken.None));
    }

    [Fact]
    public async Task An_index_is_dropped_for_a_bulk_load_only_while_its_model_has_no_notes()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var indexes = scope.ServiceProvider.GetRequiredService<INoteVectorIndexes>();
        var model = scope.ServiceProvider.GetRequiredService<ITextEmbedder>().Model;
        await Client.SaveNoteAsync("既にある索引付きのメモ");
        Assert.False(await indexes.DropIfEmptyAsync(model, EmbeddingSchema.DefaultDimensions, CancellationToken.None));

        await indexes.EnsureAsync("test-model-empty", 16, CancellationToken.None);
        Assert.True(await indexes.DropIfEmptyAsync("test-model-empty", 16, CancellationToken.None));
        Assert.True(await indexes.EnsureAsync("test-model-empty", 16, CancellationToken.None));
    }

    private static async Task<long> IndexScansAsync(NpgsqlConnection connection, string index)
    {
        await ScalarAsync(connection, "SELECT pg_stat_force_next_flush()::text");
        return long.Parse(await ScalarAsync(connection,
            $"SELECT idx_scan::text FROM pg_stat_user_indexes WHERE indexrelname = '{index}'"));
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
