using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Import;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

public sealed class ImportEmbeddingTests(ApiFactory factory) : ImportTest(factory)
{
    [Fact]
    public async Task Imported_notes_are_embedded_with_the_configured_provider()
    {
        var run = await Importer.RunAsync("--notes", Stores.NotesDirectory);

        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM notes WHERE embedding IS NOT NULL AND embedding_model = 'hashed-ngram-v1'"));
        Assert.Contains(run.Source(ImportSource.Notes).Remarks, r => r.StartsWith("3 notes embedded with hashed-ngram-v1 in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_provider_fails_notes_are_stored_without_an_embedding_for_the_backfill()
    {
        var failing = new FailingEmbeddingGenerator();
        var run = await new ImportRunner(Factory.Database.ConnectionString) { EmbeddingGenerator = failing }
            .RunAsync("--notes", Stores.NotesDirectory);

        Assert.Equal(3, run.Source(ImportSource.Notes).Imported);
        Assert.Equal(3L, await ScalarAsync<long>("SELECT count(*) FROM notes WHERE embedding IS NULL AND embedding_model IS NULL"));
        Assert.Contains(run.Source(ImportSource.Notes).Remarks, r => r.Contains("3 notes stored without an embedding", StringComparison.Ordinal));
        Assert.Equal(1, failing.Calls); // after the first failure the run stops asking
    }

    [Fact]
    public async Task Notes_already_stored_are_not_embedded_again()
    {
        // Without the note the database refuses: never stored, it would rightly be embedded again on every run.
        File.Delete(Path.Combine(Stores.NotesDirectory, "ws-a", ".nakamura_notes", "learnings.json"));
        await Importer.RunAsync("--notes", Stores.NotesDirectory);
        var failing = new FailingEmbeddingGenerator();

        await new ImportRunner(Factory.Database.ConnectionString) { EmbeddingGenerator = failing }.RunAsync("--notes", Stores.NotesDirectory);

        Assert.Equal(0, failing.Calls);
    }

    [Fact]
    public async Task A_first_import_leaves_the_index_build_to_the_service_and_search_is_exact_until_it_is_built()
    {
        var indexes = Factory.Services.GetRequiredService<INoteVectorIndexes>();
        const string Model = HashedNgramEmbeddingGenerator.ModelId;
        await indexes.EnsureAsync(Model, EmbeddingSchema.DefaultDimensions, CancellationToken.None);
        const string IndexCount = "SELECT count(*) FROM pg_indexes WHERE tablename = 'notes' AND indexname LIKE 'ix_notes_embedding_1536_%'";

        var run = await Importer.RunAsync("--notes", Stores.NotesDirectory);

        Assert.Contains(run.Source(ImportSource.Notes).Remarks, r => r.Contains("the service's index job builds it", StringComparison.Ordinal));
        Assert.Equal(0L, await ScalarAsync<long>(IndexCount)); // the import returned without building it
        var (owner, content) = (await ScalarAsync<string>("SELECT user_id FROM notes ORDER BY id LIMIT 1"),
            await ScalarAsync<string>("SELECT content FROM notes ORDER BY id LIMIT 1"));
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.ApiKey);
        var exact = await client.SearchAsync(content!, user: owner!, mode: "vector");
        Assert.Equal(content, exact.Contents()[0]); // no index: the user's notes read exactly

        Assert.True(await indexes.EnsureAsync(Model, EmbeddingSchema.DefaultDimensions, CancellationToken.None)); // the job's pass
        Assert.Equal(1L, await ScalarAsync<long>(IndexCount));
        Assert.Equal(exact.Contents(), (await client.SearchAsync(content!, user: owner!, mode: "vector")).Contents());
    }

    private sealed class FailingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            throw new HttpRequestException("connection refused");
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
