using Microsoft.Extensions.AI;
using NakamuraMisaki.Infrastructure.Embeddings;

namespace NakamuraMisaki.IntegrationTests.Support;

/// <summary>
/// The test host's embedding provider: the real offline embedder, until a test makes it fail, hang, answer the wrong
/// width, refuse some texts, or report another model name. <see cref="Reset"/> (run before every test) restores it.
/// </summary>
public sealed class SwitchableEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private volatile HashedNgramEmbeddingGenerator _real = new();
    private volatile Behaviour _behaviour = Behaviour.Real;
    private volatile string _model = HashedNgramEmbeddingGenerator.ModelId;
    private volatile string? _refusedFragment;
    private int _calls;

    private enum Behaviour
    {
        Real,
        Fail,
        Hang,
        WrongWidth,
    }

    /// <summary>Provider calls since the last reset.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public void Fail() => _behaviour = Behaviour.Fail;

    /// <summary>Never answers (until the caller's token is cancelled).</summary>
    public void Hang() => _behaviour = Behaviour.Hang;

    /// <summary>Answers 768-dimensional vectors, as a misconfigured model would.</summary>
    public void AnswerWrongWidth() => _behaviour = Behaviour.WrongWidth;

    /// <summary>Fails any call whose input contains <paramref name="fragment"/>, as a provider refusing a text would.</summary>
    public void RefuseTextsContaining(string fragment) => _refusedFragment = fragment;

    /// <summary>Reports another model (same vectors): what switching Embeddings:Model looks like to the service.</summary>
    public void ReportModel(string model) => _model = model;

    /// <summary>Another model of another width (the offline algorithm at <paramref name="width"/> dimensions).</summary>
    public void UseModel(string model, int width)
    {
        _real = new HashedNgramEmbeddingGenerator(width);
        _model = model;
    }

    /// <summary>Run by <see cref="Reset"/>: the host closes its circuit breaker, as if the probe had found the provider back.</summary>
    public Action? Recovered { get; set; }

    /// <summary>The real embedder again, and the host knows it (its circuit breaker is closed).</summary>
    public void Reset()
    {
        _real = new HashedNgramEmbeddingGenerator();
        _behaviour = Behaviour.Real;
        _model = HashedNgramEmbeddingGenerator.ModelId;
        _refusedFragment = null;
        Interlocked.Exchange(ref _calls, 0);
        Recovered?.Invoke();
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var texts = values.ToArray();
        switch (_behaviour)
        {
            case Behaviour.Fail:
                throw new HttpRequestException("The embedding service is down (test double).");
            case Behaviour.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case Behaviour.WrongWidth:
                return new GeneratedEmbeddings<Embedding<float>>(
                    texts.Select(_ => new Embedding<float>(Enumerable.Repeat(0.1f, 768).ToArray())));
        }

        if (_refusedFragment is { } refused && texts.Any(t => t.Contains(refused, StringComparison.Ordinal)))
        {
            throw new HttpRequestException(
                "400: the provider refused an input (test double).", null, System.Net.HttpStatusCode.BadRequest);
        }

        return await _real.GenerateAsync(texts, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) && serviceKey is null
            ? new EmbeddingGeneratorMetadata("switchable-test-double", null, _model, _real.Dimensions)
            : null;

    public void Dispose() => _real.Dispose();
}
