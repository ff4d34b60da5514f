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

        if (options.Dimensions is < 1 or > EmbeddingSchema.MaxIndexedDimensions)
        {
            failures.Add($"Embeddings:Dimensions must be 1 to {EmbeddingSchema.MaxIndexedDimensions} (pgvector's HNSW limit).");
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

        if (options.Provider == EmbeddingProvider.Onnx)
        {
            failures.AddRange(OnnxFailures(options.Onnx));
        }

        if (options.Index.IntervalSeconds < 1 || options.Index.BuildMemoryMb is < 64 or > 65_536)
        {
            failures.Add("Embeddings:Index needs IntervalSeconds >= 1 and BuildMemoryMb 64 to 65536.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> OnnxFailures(Onnx.OnnxEmbeddingOptions onnx)
    {
        if (!File.Exists(onnx.ModelPath))
        {
            yield return $"Embeddings:Onnx:ModelPath '{onnx.ModelPath}' is not a file (download the model, see docs/embeddings.md).";
        }

        if (!File.Exists(onnx.TokenizerPath))
        {
            yield return $"Embeddings:Onnx:TokenizerPath '{onnx.TokenizerPath}' is not a file (vocab.txt or sentencepiece.bpe.model).";
        }

        if (onnx.MaxTokens is < 3 or > 8_192 || onnx.BatchSize is < 1 or > EmbeddingPassLimits.MaxBatchSize
            || onnx.Threads is < 1 or > 64)
        {
            yield return $"Embeddings:Onnx needs MaxTokens 3 to 8192, BatchSize 1 to {EmbeddingPassLimits.MaxBatchSize}, Threads 1 to 64.";
        }
    }
}
