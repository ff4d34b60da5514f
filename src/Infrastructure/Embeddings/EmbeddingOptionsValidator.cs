using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>Refuses to start with a configuration that could only fail later, one request at a time.</summary>
internal sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        var failures = new List<string>();
        if (options.Provider == EmbeddingProvider.OpenAI)
        {
            if (string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("Embeddings:Model is required for the OpenAI provider.");
            }

            if (string.IsNullOrWhiteSpace(options.Endpoint) && string.IsNullOrWhiteSpace(options.ApiKey))
            {
                failures.Add("Embeddings:ApiKey is required for api.openai.com (or set Embeddings:Endpoint to your server).");
            }

            if (!string.IsNullOrWhiteSpace(options.Endpoint) && !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _))
            {
                failures.Add($"Embeddings:Endpoint '{options.Endpoint}' is not an absolute URL.");
            }
        }

        if (options.Dimensions is { } dimensions && dimensions != EmbeddingSchema.Dimensions)
        {
            failures.Add($"Embeddings:Dimensions must be {EmbeddingSchema.Dimensions}, the width of notes.embedding.");
        }

        if (options.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add("Embeddings:TimeoutSeconds must be 1 to 600.");
        }

        if (options.CircuitBreaker is { FailuresBeforeBreaking: < 1 } or { BreakSeconds: < 1 or > 3600 })
        {
            failures.Add("Embeddings:CircuitBreaker:FailuresBeforeBreaking must be at least 1, BreakSeconds 1 to 3600.");
        }

        if (options.MaxInputCharacters < 1)
        {
            failures.Add("Embeddings:MaxInputCharacters must be positive.");
        }

        var backfill = options.Backfill;
        if (backfill.IntervalSeconds < 1 || backfill.MaxNotesPerPass < 1
            || backfill.BatchSize is < 1 or > EmbeddingPassLimits.MaxBatchSize)
        {
            failures.Add($"Embeddings:Backfill needs IntervalSeconds >= 1, MaxNotesPerPass >= 1 and BatchSize 1 to {EmbeddingPassLimits.MaxBatchSize}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
