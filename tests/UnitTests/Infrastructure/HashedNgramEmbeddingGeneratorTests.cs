using Microsoft.Extensions.AI;
using NakamuraMisaki.Infrastructure.Embeddings;

namespace NakamuraMisaki.UnitTests.Infrastructure;

public sealed class HashedNgramEmbeddingGeneratorTests
{
    private readonly HashedNgramEmbeddingGenerator _embedder = new();

    [Theory]
    [InlineData("本番データベースの移行手順")]
    [InlineData("Decided to use pgvector with an HNSW index")]
    [InlineData("!!!")]
    [InlineData("a")]
    [InlineData("𠮷野家で昼食 🍜")] // runes outside the BMP
    public void Vectors_have_the_schema_width_and_unit_length(string text)
    {
        var vector = _embedder.Embed(text);

        Assert.Equal(1536, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(v => (double)v * v)), precision: 5);
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_in_any_instance()
    {
        var text = "来週の定例会議は水曜日";

        Assert.Equal(_embedder.Embed(text), new HashedNgramEmbeddingGenerator().Embed(text));
    }

    [Fact]
    public void Known_values_stay_put_across_machines_and_versions()
    {
        // Stored vectors are compared with new ones: if this changes, bump ModelId so a re-embed follows.
        var vector = new HashedNgramEmbeddingGenerator(dimensions: 8).Embed("移行 migration");

        Assert.Equal(
            [-0.2671f, -0.4451f, -0.4725f, 0.1781f, 0.1781f, 0.5342f, 0.1781f, 0.3561f],
            vector.Select(v => MathF.Round(v, 4)).ToArray());
    }

    [Fact]
    public void An_empty_text_has_no_direction()
    {
        Assert.All(_embedder.Embed(""), v => Assert.Equal(0f, v));
        Assert.All(_embedder.Embed("   "), v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData("データベースの移行手順", "本番データベースの移行手順をまとめた", "来週の定例会議は水曜日に変更")]
    [InlineData("二段階認証のエラー", "ログインで二段階認証のエラーが出る", "二週間後に旅行へ行く")]
    [InlineData("deploy the staging server", "deployment of the staging server failed", "lunch order for the team party")]
    [InlineData("TLS certificate", "renew the TLS certificate before March", "the payment service retries webhooks")]
    public void Texts_sharing_character_sequences_are_closer(string query, string related, string unrelated)
    {
        var q = _embedder.Embed(query);

        Assert.True(Cosine(q, _embedder.Embed(related)) > Cosine(q, _embedder.Embed(unrelated)) + 0.1,
            $"related {Cosine(q, _embedder.Embed(related)):F3} vs unrelated {Cosine(q, _embedder.Embed(unrelated)):F3}");
    }

    [Theory]
    [InlineData("ＡＰＩ　Ｄｅｐｌｏｙ", "api deploy")] // full-width letters and space (NFKC)
    [InlineData("ｶﾀｶﾅ", "カタカナ")]               // half-width katakana (NFKC)
    [InlineData("Hello, World!", "hello world")]    // case and punctuation
    public void Width_case_and_punctuation_do_not_matter(string a, string b) =>
        Assert.Equal(_embedder.Embed(a), _embedder.Embed(b));

    [Fact]
    public async Task Generating_embeds_each_input_in_order_and_names_the_model()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = _embedder;

        var embeddings = await generator.GenerateAsync(["一つ目", "second"]);

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(_embedder.Embed("一つ目"), embeddings[0].Vector.ToArray());
        Assert.Equal(_embedder.Embed("second"), embeddings[1].Vector.ToArray());
        Assert.All(embeddings, e => Assert.Equal(HashedNgramEmbeddingGenerator.ModelId, e.ModelId));
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal((HashedNgramEmbeddingGenerator.ModelId, 1536), (metadata?.DefaultModelId, metadata?.DefaultModelDimensions));
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}
