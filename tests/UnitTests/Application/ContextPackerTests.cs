using NakamuraMisaki.Application.Context;

namespace NakamuraMisaki.UnitTests.Application;

/// <summary>The budget rules, with one token per character so the arithmetic is visible.</summary>
public sealed class ContextPackerTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recent_messages_come_first_newest_first_and_stop_at_the_first_that_does_not_fit()
    {
        ContextCandidate[] recent = [Recent("m3", 10), Recent("m2", 50), Recent("m1", 5)];

        var (items, used, truncated) = ContextPacker.Pack(recent, [Ranked("n1", 20, 0.9)], new CharCounter(), 40);

        Assert.Equal(["m3", "n1"], items.Select(i => i.Id));
        Assert.Equal(30, used);
        Assert.True(truncated);
    }

    [Fact]
    public void Ranked_items_go_best_first_and_one_that_does_not_fit_is_cut_to_what_is_left()
    {
        var (items, used, truncated) = ContextPacker.Pack([],
            [Ranked("low", 10, 0.2), Ranked("best", 30, 0.9), Ranked("big", 100, 0.5)], new CharCounter(), 60);

        Assert.Equal(["best", "big"], items.Select(i => i.Id));
        Assert.Equal([false, true], items.Select(i => i.Truncated));
        Assert.Equal(30, items[1].Tokens);
        Assert.Equal(60, used);
        Assert.True(truncated);
    }

    [Fact]
    public void Too_little_left_to_cut_leaves_the_item_out_and_smaller_ones_still_fill_the_rest()
    {
        var left = ContextPacker.MinimumCutTokens - 1;
        var (items, used, _) = ContextPacker.Pack([],
            [Ranked("best", 50, 0.9), Ranked("big", 100, 0.5), Ranked("small", left, 0.1)], new CharCounter(), 50 + left);

        Assert.Equal(["best", "small"], items.Select(i => i.Id));
        Assert.Equal(50 + left, used);
    }

    [Fact]
    public void Everything_that_fits_is_whole_and_nothing_is_marked()
    {
        var (items, used, truncated) = ContextPacker.Pack([Recent("m1", 5)], [Ranked("n1", 5, 0.5)], new CharCounter(), 10);

        Assert.Equal(2, items.Count);
        Assert.Equal(10, used);
        Assert.False(truncated);
        Assert.DoesNotContain(items, i => i.Truncated);
    }

    private static ContextCandidate Recent(string id, int length) =>
        new(ContextItemKind.Message, id, id, new string('m', length), ContextScores.Recent, [ContextReasons.Recent], [], At);

    private static ContextCandidate Ranked(string id, int length, double score) =>
        new(ContextItemKind.Note, id, id, new string('n', length), score, [ContextReasons.Matched], ["text"], At);

    private sealed class CharCounter : ITokenCounter
    {
        public int? CountUpTo(string text, int maxTokens) => text.Length <= maxTokens ? text.Length : null;

        public (string Prefix, int Tokens) Cut(string text, int maxTokens) => (text[..maxTokens], maxTokens);
    }
}
