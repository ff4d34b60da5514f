using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Notes.Embeddings;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Embeddings;

/// <summary>
/// The real OpenAI-compatible client against a provider a user cannot reach: after the first failed call the circuit
/// is open, so the second embedding (a search's, a save's) makes no provider call at all and answers at once. Counted,
/// not timed: calls into the provider's generator, and connections a hanging server accepted.
/// </summary>
public sealed class UnreachableProviderTests
{
    [Fact]
    public async Task A_refused_connection_opens_the_circuit_on_the_first_call()
    {
        await AssertSecondCallSkipsProviderAsync($"http://127.0.0.1:{FreePort.Next()}/v1");
    }

    [Fact]
    public async Task An_unknown_host_opens_the_circuit_on_the_first_call()
    {
        await AssertSecondCallSkipsProviderAsync("http://embeddings.invalid/v1"); // .invalid never resolves (RFC 2606)
    }

    [Fact]
    public async Task A_hanging_provider_opens_the_circuit_on_the_first_call()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = 0;
        var held = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                Interlocked.Increment(ref accepted);
                lock (held)
                {
                    held.Add(socket); // never answered
                }
            }
        });

        await AssertSecondCallSkipsProviderAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1", timeoutSeconds: 1);

        Assert.Equal(1, Volatile.Read(ref accepted)); // one connection: the client did not retry the timed-out call either
    }

    private static async Task AssertSecondCallSkipsProviderAsync(string endpoint, int timeoutSeconds = 10)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Port=1", // never opened here
            ["Embeddings:Provider"] = "OpenAI", ["Embeddings:Endpoint"] = endpoint, ["Embeddings:Model"] = "m",
            ["Embeddings:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddInfrastructureServices(configuration)
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new CountingGenerator(
                EmbeddingGeneratorFactory.Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value)))
            .BuildServiceProvider();
        var embedder = services.GetRequiredService<ITextEmbedder>();
        var provider = (CountingGenerator)services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var first = await Assert.ThrowsAsync<EmbeddingUnavailableException>(() => embedder.EmbedAsync("障害", CancellationToken.None));
        Assert.Equal(1, provider.Calls);
        await Assert.ThrowsAsync<EmbeddingUnavailableException>(() => embedder.EmbedAsync("障害", CancellationToken.None));

        Assert.True(1 == provider.Calls, $"the second call reached the provider; the first failed with {first.InnerException}");
    }

    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            return base.GenerateAsync(values, options, cancellationToken);
        }
    }
}
