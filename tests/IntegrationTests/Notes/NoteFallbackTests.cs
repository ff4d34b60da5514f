using System.Diagnostics;
using NakamuraMisaki.Application.Notes.Commands.BackfillNoteEmbeddings;
using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>When the embedding service fails: notes are still saved, and search answers by text.</summary>
public sealed class NoteFallbackTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_note_saved_while_the_embedding_service_is_down_is_kept_unembedded()
    {
        Factory.Embeddings.Fail();

        var saved = await Client.SaveNoteAsync("障害中に保存したメモ");

        Assert.False(saved.GetProperty("embedded").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, saved.GetProperty("embedding_model").ValueKind);
        var read = await Client.GetOkJsonAsync($"{Route}/{saved.Id()}");
        Assert.Equal("障害中に保存したメモ", read.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Search_falls_back_to_text_and_says_so()
    {
        await SaveCorpusAsync();
        Factory.Embeddings.Fail();

        var found = await Client.SearchAsync("移行手順");

        Assert.Equal("text", found.Mode());
        Assert.Equal([NoteCorpus.Notes[0].Content], found.Contents());
        // Holds the whole query, but inside a longer run of characters (not as a whole word): high, below 1.
        Assert.InRange(found.Scores()[0], 0.75, 0.99);
    }

    [Fact]
    public async Task Text_search_requires_every_word_and_ranks_full_matches_before_similar_ones()
    {
        await SaveCorpusAsync();
        Factory.Embeddings.Fail();

        var english = await Client.SearchAsync("integration POSTGRESQL");
        Assert.Equal([NoteCorpus.Notes[6].Content], english.Contents());

        // Not a substring of any note ("の" sits elsewhere), but shares most character triples with note 0.
        var similar = await Client.SearchAsync("本番データベース移行の手順");
        Assert.Equal(NoteCorpus.Notes[0].Content, similar.Contents()[0]);
        Assert.InRange(similar.Scores()[0], 0.3, 0.99);
    }

    [Fact]
    public async Task Text_search_keeps_to_the_users_notes_and_the_category()
    {
        await SaveCorpusAsync();
        await Client.SaveNoteAsync("Bobの移行手順メモ", user: Bob);
        Factory.Embeddings.Fail();

        Assert.Equal([NoteCorpus.Notes[0].Content], (await Client.SearchAsync("移行手順")).Contents());
        Assert.Equal(["Bobの移行手順メモ"], (await Client.SearchAsync("移行手順", user: Bob)).Contents());
        Assert.Empty((await Client.SearchAsync("移行手順", category: "todos")).Contents());
        Assert.Equal(
            [NoteCorpus.Notes[1].Content],
            (await Client.SearchAsync("バックアップ", category: "learnings")).Contents());
    }

    [Fact]
    public async Task Text_search_treats_like_wildcards_literally()
    {
        await Client.SaveNoteAsync("CPU usage hit 100% during the batch");
        await Client.SaveNoteAsync("CPU usage hit 1000 ms latency");
        Factory.Embeddings.Fail();

        var found = await Client.SearchAsync("100%");

        // "%" is a character to find, not a wildcard: only the first note contains the query (score 1); the other
        // may still come second, by trigram similarity, scored below 1.
        var scores = found.Contents().Zip(found.Scores()).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(1.0, scores["CPU usage hit 100% during the batch"]);
        Assert.True(scores.GetValueOrDefault("CPU usage hit 1000 ms latency") < 1.0);
    }

    [Fact]
    public async Task A_note_saved_during_an_outage_is_found_by_text_then_by_meaning_after_the_backfill()
    {
        Factory.Embeddings.Fail();
        await Client.SaveNoteAsync("障害中に決めたロールバック手順");
        Assert.Equal(["障害中に決めたロールバック手順"], (await Client.SearchAsync("ロールバック")).Contents());

        Factory.Embeddings.Reset();
        // Not embedded yet: meaning search cannot see it, which is what the backfill is for.
        Assert.Empty((await Client.SearchAsync("ロールバック", mode: "vector")).Contents());

        var pass = await Factory.SendAsync(new BackfillNoteEmbeddings(MaxNotes: 100, BatchSize: 10));
        Assert.Equal(1, pass.Embedded);

        var found = await Client.SearchAsync("ロールバック手順");
        Assert.Equal("hybrid", found.Mode());
        Assert.Equal(["vector", "text"], found.MatchedBy()[0]);
        Assert.Equal(["障害中に決めたロールバック手順"], found.Contents());
    }

    [Fact]
    public async Task A_provider_that_never_answers_costs_the_timeout_not_the_note()
    {
        Factory.Embeddings.Hang();
        var clock = Stopwatch.StartNew();

        var saved = await Client.SaveNoteAsync("応答しないプロバイダ");

        Assert.False(saved.GetProperty("embedded").GetBoolean());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(40)); // Embeddings:TimeoutSeconds = 5
        Assert.Equal("text", (await Client.SearchAsync("プロバイダ")).Mode());
    }

    [Fact]
    public async Task Vectors_of_the_wrong_width_are_refused_and_the_note_kept()
    {
        Factory.Embeddings.AnswerWrongWidth();

        var saved = await Client.SaveNoteAsync("768次元のモデル");

        Assert.False(saved.GetProperty("embedded").GetBoolean());
        var found = await Client.SearchAsync("768次元");
        Assert.Equal("text", found.Mode());
        Assert.Equal(["768次元のモデル"], found.Contents());
    }

    private async Task SaveCorpusAsync()
    {
        foreach (var (content, category) in NoteCorpus.Notes)
        {
            await Client.SaveNoteAsync(content, category: category);
        }
    }
}
