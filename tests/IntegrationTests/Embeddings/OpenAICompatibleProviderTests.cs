using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Embeddings;

namespace NakamuraMisaki.IntegrationTests.Embeddings;

/// <summary>
/// The OpenAI provider as configured through Embeddings__*, against a local OpenAI-compatible server: the same
/// wiring the service uses, without the network.
/// </summary>
public sealed class OpenAICompatibleProviderTests : IAsyncLifetime
{
    private FakeOpenAIEmbeddingServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIEmbeddingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_configured_model_endpoint_key_and_dimensions_reach_the_server()
    {
        await using var services = Build(new()
        {
            ["Embeddings:Provider"] = "OpenAI", ["Embeddings:Endpoint"] = _server.BaseUrl,
            ["Embeddings:Model"] = "my-embed-large", ["Embeddings:ApiKey"] = "sk-test-key", ["Embeddings:Dimensions"] = "1536",
        });
        var embedder = services.GetRequiredService<ITextEmbedder>();

        var embeddings = await embedder.EmbedAsync(["最初のメモ", "second note"], CancellationToken.None);

        Assert.Equal("my-embed-large", embedder.Model);
        Assert.All(embeddings, e => Assert.Equal("my-embed-large", e.Model));
        Assert.Equal([0.01f, 0.02f], embeddings.Select(e => e.Vector[0]));
        Assert.All(embeddings, e => Assert.Equal(EmbeddingSchema.DefaultDimensions, e.Vector.Length));
        var (authorization, body) = Assert.Single(_server.Requests);
        Assert.Equal("Bearer sk-test-key", authorization);
        Assert.Equal("my-embed-large", body["model"]!.GetValue<string>());
        Assert.Equal(1536, body["dimensions"]!.GetValue<int>());
        Assert.Equal(["最初のメモ", "second note"], body["input"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task A_keyless_local_server_needs_only_an_endpoint_and_gets_no_dimensions_unless_configured()
    {
        await using var services = Build(new()
        {
            ["Embeddings:Provider"] = "OpenAI", ["Embeddings:Endpoint"] = _server.BaseUrl, ["Embeddings:Model"] = "nomic-embed-text",
        });

        await services.GetRequiredService<ITextEmbedder>().EmbedAsync("x", CancellationToken.None);

        var (_, body) = Assert.Single(_server.Requests);
        Assert.Null(body["dimensions"]);
    }

    [Fact]
    public async Task A_failing_server_or_a_width_change_mid_run_is_reported_as_unavailable()
    {
        await using var services = Build(new()
        {
            ["Embeddings:Provider"] = "OpenAI", ["Embeddings:Endpoint"] = _server.BaseUrl, ["Embeddings:Model"] = "m",
            // The provider's own answers are under test here, not the circuit breaker that the first 500 would open.
            ["Embeddings:CircuitBreaker:FailuresBeforeBreaking"] = "100",
        });
        var embedder = services.GetRequiredService<ITextEmbedder>();

        _server.FailWith = 500;
        await Assert.ThrowsAsync<EmbeddingUnavailableException>(() => embedder.EmbedAsync("x", CancellationToken.None));
        Assert.Null(embedder.Dimensions); // nothing configured, nothing answered yet

        // No Embeddings:Dimensions: the model's first answer decides its width (any width, no migration) ...
        _server.FailWith = null;
        _server.Dimensions = 384;
        Assert.Equal(384, (await embedder.EmbedAsync("x", CancellationToken.None)).Vector.Length);
        Assert.Equal(384, embedder.Dimensions);

        // ... and a later answer of another width is refused, so the note is stored unembedded instead.
        _server.Dimensions = 768;
        var wrongWidth = await Assert.ThrowsAsync<EmbeddingUnavailableException>(() => embedder.EmbedAsync("x", CancellationToken.None));
        Assert.Contains("768", wrongWidth.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenAI", null, null, null, "ApiKey")]
    [InlineData("OpenAI", "not a url", null, null, "Endpoint")]
    [InlineData("HashedNgram", null, null, "3072", "Dimensions")]
    [InlineData("HashedNgram", null, null, "0", "Dimensions")]
    public void A_configuration_that_cannot_work_is_refused(string provider, string? endpoint, string? key, string? dimensions, string named)
    {
        using var services = Build(new()
        {
            ["Embeddings:Provider"] = provider, ["Embeddings:Endpoint"] = endpoint, ["Embeddings:ApiKey"] = key,
            ["Embeddings:Dimensions"] = dimensions,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);
        Assert.Contains($"Embeddings:{named}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_is_the_offline_embedder_even_with_the_empty_settings_of_env_example()
    {
        await using var services = Build(new()
        {
            ["Embeddings:Endpoint"] = "", ["Embeddings:ApiKey"] = "", ["Embeddings:Dimensions"] = "",
        });
        var embedder = services.GetRequiredService<ITextEmbedder>();

        var embedding = await embedder.EmbedAsync("オフライン", CancellationToken.None);

        Assert.Equal(HashedNgramEmbeddingGenerator.ModelId, embedder.Model);
        Assert.Equal(EmbeddingSchema.DefaultDimensions, embedding.Vector.Length);
        Assert.Empty(_server.Requests);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1"; // never opened here
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddMetrics().AddApplicationServices()
            .AddInfrastructureServices(configuration).BuildServiceProvider();
    }
}
