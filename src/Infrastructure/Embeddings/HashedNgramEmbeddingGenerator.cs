using System.Text;
using Microsoft.Extensions.AI;
using NakamuraMisaki.Application.Notes.Embeddings;

namespace NakamuraMisaki.Infrastructure.Embeddings;

/// <summary>
/// The offline default embedder: feature hashing of character 1-, 2- and 3-grams. Needs no model, no download and
/// no network, and is deterministic across machines and runs.
/// <para>
/// It is LEXICAL, not semantic: texts are close when they share character sequences ("データベース移行" and
/// "本番データベースの移行手順"; "deploy" and "deployment"), not when they mean the same thing in other words
/// ("DB" and "データベース" are unrelated to it). Character n-grams need no word segmentation, so Japanese without
/// spaces works as well as English. For meaning search configure an embedding model (Embeddings:Provider=OpenAI).
/// </para>
/// </summary>
public sealed class HashedNgramEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Recorded in notes.embedding_model. Change it whenever <see cref="Embed"/> changes, so a re-embed follows.</summary>
    public const string ModelId = "hashed-ngram-v1";

    public const string ProviderName = "hashed-ngram";

    // Single characters say little (particles such as の and を are everywhere), pairs and triples carry the words.
    private static readonly float[] WeightByLength = [0f, 0.5f, 1f, 1f];
    private const int MaxGram = 3;

    private readonly int _dimensions;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public HashedNgramEmbeddingGenerator(int dimensions = EmbeddingSchema.DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        _dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, ModelId, dimensions);
    }

    public int Dimensions => _dimensions;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>
    /// NFKC-normalises and lower-cases the text (full-width ＡＢＣ = abc, half-width ｶﾅ = カナ), keeps runs of letters
    /// and digits with a single space marking each boundary (so word starts and ends are features), counts every
    /// 1..3-gram, and adds weight × (1 + ln count) to a hashed bucket with a hashed sign. The result is L2-normalised,
    /// so cosine similarity is a dot product. An empty text gives the zero vector.
    /// </summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[_dimensions];
        var runes = Tokenize(text);
        foreach (var (hash, count, length) in CountGrams(runes))
        {
            var mixed = Mix(hash);
            var bucket = (int)((mixed >> 1) % (ulong)_dimensions);
            var sign = (mixed & 1) == 0 ? 1f : -1f;
            vector[bucket] += sign * WeightByLength[length] * (1f + MathF.Log(count));
        }

        Normalize(vector);
        return vector;
    }

    /// <summary>The runes of the normalised text with every non-letter/digit run collapsed to one space, padded.</summary>
    private static List<int> Tokenize(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var keepAll = !normalized.EnumerateRunes().Any(IsWordRune); // "!!!" still deserves a direction
        var runes = new List<int>(normalized.Length + 2) { ' ' };
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (IsWordRune(rune) || (keepAll && !Rune.IsWhiteSpace(rune)))
            {
                runes.Add(rune.Value);
            }
            else if (runes[^1] != ' ')
            {
                runes.Add(' ');
            }
        }

        if (runes[^1] != ' ')
        {
            runes.Add(' ');
        }

        return runes;
    }

    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static IEnumerable<(ulong Hash, int Count, int Length)> CountGrams(List<int> runes)
    {
        var counts = new Dictionary<(ulong, int), int>();
        for (var start = 0; start < runes.Count; start++)
        {
            var hash = 14695981039346656037UL; // FNV-1a offset basis
            for (var length = 1; length <= MaxGram && start + length <= runes.Count; length++)
            {
                hash = (hash ^ (uint)runes[start + length - 1]) * 1099511628211UL; // FNV-1a prime
                if (length == 1 && runes[start] == ' ')
                {
                    continue; // a lone boundary is not a feature
                }

                var key = (hash, length);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts.Select(pair => (pair.Key.Item1, pair.Value, pair.Key.Item2));
    }

    /// <summary>MurmurHash3's 64-bit finaliser: FNV's low bits are weak, and both bucket and sign come from them.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    private static void Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        GeneratorServices.Resolve(this, _metadata, serviceType, serviceKey);

    public void Dispose()
    {
        // Holds nothing to release.
    }
}
