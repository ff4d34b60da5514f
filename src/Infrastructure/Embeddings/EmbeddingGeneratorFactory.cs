using System.ClientModel;
using Microsoft.Extensions.AI;
using NakamuraMisaki.Application.Notes.Embeddings;
using OpenAI;
using OpenAI.Embeddings;

namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>Builds the configured provider. Everything downstream sees only IEmbeddingGenerator.</summary>
public static class EmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options) => options.Provider switch
    {
        EmbeddingProvider.HashedNgram => new HashedNgramEmbeddingGenerator(options.Dimensions ?? EmbeddingSchema.DefaultDimensions),
        EmbeddingProvider.OpenAI => CreateOpenAI(options),
        EmbeddingProvider.Onnx => new Onnx.OnnxEmbeddingGenerator(options.Onnx),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown embedding provider."),
    };

    private static IEmbeddingGenerator<string, Embedding<float>> CreateOpenAI(EmbeddingOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // Our own timeout bounds the call; one retry (after 0.8 s) covers a dropped connection. When both attempts
            // fail the client throws an AggregateException, which the circuit breaker reads as an outage.
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 1),
        };
        if (!string.IsNullOrWhiteSpace(options.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        // Self-hosted OpenAI-compatible servers usually take no key, but the client insists on one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        return new EmbeddingClient(options.Model, new ApiKeyCredential(key), clientOptions)
            .AsIEmbeddingGenerator(options.Dimensions);
    }
}
