using System.Net;
using System.ClientModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Notes.Embeddings;
using Polly;
using Polly.CircuitBreaker;

namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>
/// Polly's circuit breaker around the embedding provider. After <c>FailuresBeforeBreaking</c> consecutive outages
/// (no answer in time, a refused connection, a 5xx, 408 or 429) it opens for <c>BreakSeconds</c>: every call fails at
/// once, so searches answer by text and notes are saved unembedded without waiting. Then one call probes the provider
/// (half-open): an answer closes the circuit, a failure opens it again. A provider refusing one input (another 4xx)
/// is not an outage and does not count. One warning per outage, one line when it ends.
/// Polly's classic (v7) breaker, because it can open on the first failure; Polly 8's needs at least two calls in its
/// sampling window, and the second search of an outage would wait for the provider again (docs/decisions).
/// </summary>
internal sealed class EmbeddingCircuitBreaker
{
    private readonly AsyncCircuitBreakerPolicy _policy;
    private readonly ILogger<EmbeddingCircuitBreaker> _logger;
    private readonly EmbeddingMetrics _metrics;
    private int _inOutage;

    public EmbeddingCircuitBreaker(
        IOptions<EmbeddingOptions> options, ILogger<EmbeddingCircuitBreaker> logger, EmbeddingMetrics metrics)
    {
        _logger = logger;
        _metrics = metrics;
        var settings = options.Value.CircuitBreaker;
        _policy = Policy.Handle<Exception>(IsOutage).CircuitBreakerAsync(
            settings.FailuresBeforeBreaking, TimeSpan.FromSeconds(settings.BreakSeconds), OnBreak, OnReset, OnHalfOpen);
    }

    /// <summary>Runs a provider call through the breaker.</summary>
    /// <exception cref="BrokenCircuitException">The circuit is open: the call was not made.</exception>
    public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _policy.ExecuteAsync(call, cancellationToken);

    /// <summary>Closes the circuit, as if the provider had answered (tests: the provider is back).</summary>
    public void Reset() => _policy.Reset();

    /// <summary>Failures that say the provider is down or overloaded, not that it refused one input.</summary>
    public static bool IsOutage(Exception e) => e switch
    {
        TimeoutException => true,
        // The OpenAI client's own retry reports its exhausted attempts together: "Retry failed after 2 tries".
        // Unrecognised, it kept the circuit closed through a whole outage (issue #28).
        AggregateException { InnerExceptions: [_, ..] inner } => inner.All(IsOutage),
        HttpRequestException { StatusCode: null } => true, // no answer at all: refused, reset, DNS
        HttpRequestException { StatusCode: var status } => IsOutageStatus((int)status!.Value),
        ClientResultException { Status: var status } => status == 0 || IsOutageStatus(status),
        _ => false,
    };

    private static bool IsOutageStatus(int status) =>
        status >= 500 || status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests;

    private void OnBreak(Exception e, TimeSpan wait)
    {
        _metrics.CircuitChanged(EmbeddingMetrics.Open);
        // A failed probe opens the circuit again: the same outage, not a new one.
        if (Interlocked.Exchange(ref _inOutage, 1) == 0)
        {
            _logger.LogWarning(
                "The embedding provider is unavailable ({Reason}): searches answer by text and notes are saved unembedded; " +
                "the provider is probed again every {Seconds} s", e.Message, wait.TotalSeconds);
        }
        else
        {
            _logger.LogDebug("The embedding provider is still unavailable ({Reason})", e.Message);
        }
    }

    private void OnReset()
    {
        _metrics.CircuitChanged(EmbeddingMetrics.Closed);
        if (Interlocked.Exchange(ref _inOutage, 0) == 1)
        {
            _logger.LogInformation("The embedding provider answers again: searches use it again");
        }
    }

    private void OnHalfOpen()
    {
        _metrics.CircuitChanged(EmbeddingMetrics.HalfOpen);
        _logger.LogDebug("Probing the embedding provider");
    }
}
