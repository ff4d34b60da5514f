using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>The default search: vector and lexical sides fused by reciprocal rank fusion.</summary>
public sealed class NoteHybridSearchTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Hybrid_is_the_default_and_each_hit_says_which_sides_found_it()
    {
        await Client.SaveNoteAsync("本番データベースの移行手順をまとめた");
        await Client.SaveNoteAsync("週末に猫を病院へ連れて行く");

        var found = await Client.SearchAsync("移行手順");

        Assert.Equal("hybrid", found.Mode());
        Assert.Equal("本番データベースの移行手順をまとめた", found.Contents()[0]);
        Assert.Equal(["vector", "text"], found.MatchedBy()[0]);
        Assert.All(found.Scores(), s => Assert.InRange(s, 0.0, 1.0));
        Assert.Equal(1.0, found.Scores()[0], precision: 6); // first on both sides
    }

    [Theory]
    [InlineData("PG-1234", "PG-1234: 本番DBの接続数が上限に達した", "PG-1243: ステージングのディスク容量を増やした")]
    // Words split where Latin meets Japanese, so "OOM" is a whole word of "バッチがOOMで落ちた" and not of "Zoom".
    [InlineData("OOM", "バッチがOOMで落ちた。ヒープを4GBに増やす", "Zoom会議のリンクを共有した")]
    [InlineData("ＰＧ－１２３４", "PG-1234: 本番DBの接続数が上限に達した", "PG-1243: ステージングのディスク容量を増やした")]
    [InlineData("ｶﾀｶﾅ", "カタカナの表記ゆれを直した", "ひらがなの表記を直した")]
    [InlineData("猫", "週末に猫を病院へ連れて行く", "週末に犬を病院へ連れて行く")]
    [InlineData("東京", "東京オフィスの移転日が決まった", "大阪オフィスの移転日が決まった")]
    [InlineData("deplyoment", "The deployment of the billing service failed twice", "The billing service invoices were sent twice")]
    public async Task An_exact_term_outranks_a_near_miss_in_every_mode(string query, string exact, string nearMiss)
    {
        await Client.SaveNoteAsync(exact);
        await Client.SaveNoteAsync(nearMiss);

        foreach (var mode in new[] { "hybrid", "text" })
        {
            var found = await Client.SearchAsync(query, mode: mode);
            Assert.True(found.Contents().Length > 0 && found.Contents()[0] == exact, $"{mode}: {string.Join(" | ", found.Contents())}");
        }
    }

    [Fact]
    public async Task Text_mode_answers_without_calling_the_provider()
    {
        await Client.SaveNoteAsync("二段階認証のエラーを調査した");
        var calls = Factory.Embeddings.Calls;

        var found = await Client.SearchAsync("認証", mode: "text");

        Assert.Equal("text", found.Mode());
        Assert.Equal(["text"], found.MatchedBy()[0]);
        Assert.Equal(calls, Factory.Embeddings.Calls);
    }

    [Fact]
    public async Task Equal_scores_come_newest_first_then_by_id()
    {
        for (var i = 0; i < 3; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await Client.SaveNoteAsync("同じ内容のメモ");
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await Client.SaveNoteAsync("同じ内容のメモ");
        var again = await Client.SearchAsync("同じ内容のメモ");

        Assert.Equal(4, again.Contents().Length);
        Assert.Equal(first.Id(), again.GetProperty("items")[0].GetProperty("id").GetString());
        var dates = again.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("created_at").GetDateTimeOffset()).ToArray();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public async Task Min_score_cuts_weak_matches_on_each_side()
    {
        await Client.SaveNoteAsync("本番データベースの移行手順をまとめた");
        await Client.SaveNoteAsync("来週の定例会議は水曜日に変更");

        var all = await Client.SearchAsync("移行手順", mode: "vector");
        Assert.Equal(2, all.Contents().Length);
        var between = Math.Round((all.Scores()[0] + all.Scores()[1]) / 2, 3);
        var strong = await Client.SearchAsync("移行手順", mode: "vector", minScore: between);
        var strict = await Client.SearchAsync("移行手順", mode: "hybrid", minScore: 0.99);

        Assert.Equal(["本番データベースの移行手順をまとめた"], strong.Contents());
        Assert.All(strong.Scores(), s => Assert.True(s >= between));
        Assert.Empty(strict.Contents());
    }
}
