using Microsoft.ML.Tokenizers;
using NakamuraMisaki.Application.Context;
using NakamuraMisaki.Infrastructure.Context;

namespace NakamuraMisaki.UnitTests.Infrastructure;

public sealed class TiktokenCountersTests
{
    private static readonly TiktokenCounters Counters = new();

    public static TheoryData<string> Names() => [.. ContextTokenizers.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_named_encoding_is_shipped_and_counts_as_tiktoken_does(string name)
    {
        const string text = "本番DBの移行手順は論理レプリケーションで行う。Rollback plan: keep the old primary for 24 hours.";

        Assert.Equal(TiktokenTokenizer.CreateForEncoding(name).CountTokens(text), Counters.For(name).CountUpTo(text, 1_000));
    }

    [Fact]
    public void The_encodings_differ_so_the_choice_matters()
    {
        const string text = "明日の午後三時までに移行リハーサルの結果を共有してください。";

        Assert.NotEqual(Counters.For(ContextTokenizers.O200kBase).CountUpTo(text, 1_000),
            Counters.For(ContextTokenizers.Cl100kBase).CountUpTo(text, 1_000));
    }

    [Fact]
    public void A_text_over_the_limit_has_no_count()
    {
        var counter = Counters.For(ContextTokenizers.Default);
        var tokens = counter.CountUpTo("one two three four five", 100)!.Value;

        Assert.Equal(tokens, counter.CountUpTo("one two three four five", tokens));
        Assert.Null(counter.CountUpTo("one two three four five", tokens - 1));
        Assert.Null(counter.CountUpTo("one", 0));
    }

    [Theory]
    [InlineData("🍣🍜🍙🍡🍤🍱🥟🍢🍘🍥 寿司とラーメン 𠮷野家 🧑‍💻👩🏽‍🚀 𩸽の塩焼き 🇯🇵🇯🇵🇯🇵")]
    [InlineData("𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷")]
    [InlineData("😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙🥲😚🙂🤗🤩🤔🫡🤨😐😑😶🫥😶‍🌫️")]
    public void A_cut_ends_at_a_token_boundary_never_inside_a_surrogate_pair_and_within_the_limit(string text)
    {
        foreach (var name in ContextTokenizers.Names)
        {
            var counter = Counters.For(name);
            var whole = counter.CountUpTo(text, 10_000)!.Value;
            for (var limit = 1; limit < whole; limit++)
            {
                var (prefix, tokens) = counter.Cut(text, limit);

                Assert.True(tokens <= limit, $"{name}: {tokens} tokens for a limit of {limit}");
                Assert.StartsWith(prefix, text, StringComparison.Ordinal);
                Assert.False(prefix.Length > 0 && char.IsHighSurrogate(prefix[^1]), $"{name}: cut inside a pair at {limit}");
                Assert.Equal(tokens, counter.CountUpTo(prefix, limit));
            }
        }
    }

    [Fact]
    public void Each_encoding_is_built_once()
    {
        Assert.Same(Counters.For(ContextTokenizers.Default), Counters.For(ContextTokenizers.Default));
    }
}
