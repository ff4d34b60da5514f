using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NakamuraMisaki.Infrastructure.Embeddings.Onnx;

/// <summary>
/// A sentence-embedding model run in-process on ONNX Runtime: no network, no service to keep up. As the
/// sentence-transformers model cards say: tokens through the model, the last hidden state mean-pooled over the
/// attention mask, then L2-normalised. A model exported with its pooling (a 2-D output) is only normalised.
/// Runs are one at a time with <see cref="OnnxEmbeddingOptions.Threads"/> threads, so embedding never takes the
/// whole machine from the API.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxEmbeddingOptions _options;
    private readonly InferenceSession _session;
    private readonly EmbeddingTokenizer _tokenizer;
    private readonly bool _takesTokenTypes;
    private readonly string _output;
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options)
    {
        _options = options;
        var modelPath = options.ModelPath ?? throw new ArgumentException("Embeddings:Onnx:ModelPath is required.", nameof(options));
        _tokenizer = EmbeddingTokenizer.Load(
            options.TokenizerPath ?? throw new ArgumentException("Embeddings:Onnx:TokenizerPath is required.", nameof(options)),
            options.LowerCase);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelPath, sessionOptions);
        _takesTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        // The hidden states, whatever the exporter called them (last_hidden_state, token_embeddings, ...).
        _output = _session.OutputMetadata.Keys.First();
        Dimensions = _session.OutputMetadata[_output].Dimensions[^1];
        ModelId = !string.IsNullOrWhiteSpace(options.ModelName) ? options.ModelName : "onnx:" + new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(modelPath))!).Name;
        _metadata = new EmbeddingGeneratorMetadata("onnx", null, ModelId, Dimensions);
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(_options.BatchSize))
        {
            await _oneRunAtATime.WaitAsync(cancellationToken);
            try
            {
                // CPU-bound for tens of milliseconds: off the request thread.
                var vectors = await Task.Run(() => Run(batch), cancellationToken);
                result.AddRange(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
            }
            finally
            {
                _oneRunAtATime.Release();
            }
        }

        return result;
    }

    private float[][] Run(string[] texts)
    {
        var tokens = texts.Select(t => _tokenizer.Encode(_options.Prefix + t, _options.MaxTokens)).ToArray();
        var width = tokens.Max(t => t.Length);
        var ids = new DenseTensor<long>([texts.Length, width]);
        var mask = new DenseTensor<long>([texts.Length, width]);
        for (var row = 0; row < tokens.Length; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var real = column < tokens[row].Length;
                ids[row, column] = real ? tokens[row][column] : _tokenizer.PaddingId;
                mask[row, column] = real ? 1 : 0;
            }
        }

        List<NamedOnnxValue> inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
        ];
        if (_takesTokenTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([texts.Length, width])));
        }

        using var outputs = _session.Run(inputs, [_output]);
        var hidden = outputs[0].AsTensor<float>();
        return Enumerable.Range(0, texts.Length).Select(row => Normalize(
            hidden.Rank == 2 ? Row(hidden, row) : MeanPool(hidden, row, tokens[row].Length))).ToArray();
    }

    /// <summary>The average of the text's token vectors (padding excluded), as sentence-transformers' mean pooling.</summary>
    private float[] MeanPool(Tensor<float> hidden, int row, int tokenCount)
    {
        var pooled = new float[Dimensions];
        for (var token = 0; token < tokenCount; token++)
        {
            for (var d = 0; d < Dimensions; d++)
            {
                pooled[d] += hidden[row, token, d];
            }
        }

        for (var d = 0; d < Dimensions; d++)
        {
            pooled[d] /= tokenCount;
        }

        return pooled;
    }

    private float[] Row(Tensor<float> pooled, int row) =>
        Enumerable.Range(0, Dimensions).Select(d => pooled[row, d]).ToArray();

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm > 0 ? vector.Select(v => v / norm).ToArray() : vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        GeneratorServices.Resolve(this, _metadata, serviceType, serviceKey);

    public void Dispose()
    {
        _session.Dispose();
        _oneRunAtATime.Dispose();
    }
}
