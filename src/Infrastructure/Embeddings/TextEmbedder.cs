using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>
/// The application's one door to the embedding provider: bounds each call in time, trims over-long input, checks
/// that what comes back fits the schema, and turns every provider failure into
/// <see cref="EmbeddingUnavailableException"/>, so callers can degrade instead of failing. Calls go through the
/// <see cref="EmbeddingCircuitBreaker"/>: while the provider is down they fail at once instead of waiting for it.
/// </summary>
internal sealed class TextEmbedder(
    IEmbeddingGenerator<string, Embedding<float>> generator, IOptions<EmbeddingOptions> options, EmbeddingCircuitBreaker breaker,
    ILogger<TextEmbedder> logger)
    : ITextEmbedder
{
    public string Model => generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? options.Value.Model;

    public async Task<IReadOnlyList<NoteEmbedding>> EmbedAsync(
        IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var model = Model;
        var settings = options.Value;
        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            var inputs = texts.Select(t => t.Length <= settings.MaxInputCharacters ? t : t[..settings.MaxInputCharacters]).ToArray();
            generated = await breaker.ExecuteAsync(token => GenerateAsync(inputs, settings.TimeoutSeconds, token), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the caller gave up; that is not the provider's failure
        }
        catch (BrokenCircuitException e)
        {
            // The breaker logged the outage once when it opened; a line per call would repeat it.
            throw new EmbeddingUnavailableException("The embedding provider is unavailable (circuit open).", e);
        }
        catch (Exception e)
        {
            // No stack trace: a provider failure is an answer from outside, not a bug here; the breaker warns once
            // per outage, and a refused input is worth one line.
            logger.Log(EmbeddingCircuitBreaker.IsOutage(e) ? LogLevel.Debug : LogLevel.Warning,
                "Embedding {Count} text(s) with {Model} failed: {Reason}", texts.Count, model, e.Message);
            throw new EmbeddingUnavailableException($"The embedding provider failed: {e.Message}", e);
        }

        return Check(generated, texts.Count, model);
    }

    /// <summary>One provider call, abandoned after <paramref name="timeoutSeconds"/> (a <see cref="TimeoutException"/>,
    /// which the breaker counts as an outage, unlike the caller's own cancellation).</summary>
    private async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        string[] inputs, int timeoutSeconds, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            return await generator.GenerateAsync(inputs, cancellationToken: timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeoutSeconds} s", e);
        }
    }

    private NoteEmbedding[] Check(GeneratedEmbeddings<Embedding<float>> generated, int expected, string model)
    {
        if (generated.Count != expected)
        {
            throw Unusable($"{generated.Count} vectors for {expected} texts", model);
        }

        var result = new NoteEmbedding[expected];
        for (var i = 0; i < expected; i++)
        {
            var vector = generated[i].Vector.ToArray();
            if (vector.Length != EmbeddingSchema.Dimensions)
            {
                throw Unusable($"{vector.Length} dimensions instead of {EmbeddingSchema.Dimensions} " +
                               "(set Embeddings:Dimensions, or use a model of that width)", model);
            }

            // A zero or non-finite vector has no direction: cosine distance to it is undefined (NaN in pgvector).
            var squares = vector.Sum(v => (double)v * v);
            if (!double.IsFinite(squares) || squares == 0)
            {
                throw Unusable("a vector without direction (all zeros or not finite)", model);
            }

            result[i] = new NoteEmbedding(vector, model);
        }

        return result;
    }

    private EmbeddingUnavailableException Unusable(string what, string model)
    {
        logger.LogWarning("The embedding provider ({Model}) answered {What}; the result is not used", model, what);
        return new EmbeddingUnavailableException($"The embedding provider answered {what}.");
    }
}
