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
    /// <summary>0 until configured or learned; set once (Interlocked), so every later answer is held to the first.</summary>
    private int _learnedDimensions;

    public string Model => generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? options.Value.Model;

    public int? Dimensions => options.Value.Dimensions
        ?? generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions
        ?? (_learnedDimensions > 0 ? _learnedDimensions : null);

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
            var width = Dimensions ?? LearnWidth(vector.Length);
            if (vector.Length != width)
            {
                // A model that changes width mid-run (a server swapped behind the same name): the note is stored
                // unembedded and the backfill retries it, instead of mixing widths under one model.
                throw Unusable($"{vector.Length} dimensions instead of {width} " +
                               "(the width configured in Embeddings:Dimensions, or the model's first answer)", model);
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

    /// <summary>The first answer decides the width when none is configured; a racing first answer of another width loses.</summary>
    private int LearnWidth(int width)
    {
        var previous = Interlocked.CompareExchange(ref _learnedDimensions, width, 0);
        if (previous == 0 && width <= EmbeddingSchema.MaxIndexedDimensions)
        {
            logger.LogInformation("Embedding model {Model} answers {Width} dimensions", Model, width);
        }
        else if (previous == 0)
        {
            logger.LogWarning("Embedding model {Model} answers {Width} dimensions, more than an HNSW index takes " +
                              "({Max}): search reads every note of a user. Set Embeddings:Dimensions.",
                Model, width, EmbeddingSchema.MaxIndexedDimensions);
        }

        return previous == 0 ? width : previous;
    }

    private EmbeddingUnavailableException Unusable(string what, string model)
    {
        logger.LogWarning("The embedding provider ({Model}) answered {What}; the result is not used", model, what);
        return new EmbeddingUnavailableException($"The embedding provider answered {what}.");
    }
}
