using Microsoft.Extensions.AI;
using NakamuraMisaki.Import;
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
