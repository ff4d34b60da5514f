using NakamuraMisaki.IntegrationTests.Support;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>Meaning search with the offline (lexical) embedder: <c>mode=vector</c>.</summary>
public sealed class NoteSearchTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [MemberData(nameof(NoteCorpus.Queries), MemberType = typeof(NoteCorpus))]
    public async Task The_note_that_uses_the_querys_words_ranks_first(string query, int expected)
    {
        await SaveCorpusAsync();

        var found = await Client.SearchAsync(query, mode: "vector");

        Assert.Equal("vector", found.Mode());
        Assert.Equal(NoteCorpus.Notes[expected].Content, found.Contents()[0]);
    }

    [Fact]
    public async Task Results_are_scored_by_cosine_similarity_best_first_and_limited()
    {
        await SaveCorpusAsync();
        await Client.SaveNoteAsync("定例会議");

        var found = await Client.SearchAsync("定例会議", limit: 3, mode: "vector");

        var scores = found.Scores();
        Assert.Equal(3, scores.Length);
        Assert.Equal(1.0, scores[0], precision: 4); // the identical text
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, s => Assert.InRange(s, -1.0, 1.0));
    }

    [Fact]
    public async Task A_user_never_finds_another_users_notes()
    {
        await SaveCorpusAsync();
        await Client.SaveNoteAsync("定例会議の議事録 (Bob)", user: Bob);

        var alices = await Client.SearchAsync("定例会議の議事録", limit: 100);
        Assert.Equal(NoteCorpus.Notes.Length, alices.Contents().Length);
        Assert.DoesNotContain("定例会議の議事録 (Bob)", alices.Contents());
        Assert.All(alices.GetProperty("items").EnumerateArray(), n => Assert.Equal(Alice, n.GetProperty("user_id").GetString()));

        var bobs = await Client.SearchAsync("定例会議", user: Bob);
        Assert.Equal(["定例会議の議事録 (Bob)"], bobs.Contents());
    }

    [Fact]
    public async Task The_category_filter_keeps_only_that_category()
    {
        await SaveCorpusAsync();

        var found = await Client.SearchAsync("データベース", category: "learnings", limit: 100, mode: "vector");

        var expected = NoteCorpus.Notes.Where(n => n.Category == "learnings").Select(n => n.Content).Order();
        Assert.Equal(expected, found.Contents().Order());
        Assert.Equal(NoteCorpus.Notes[1].Content, found.Contents()[0]);
    }

    [Fact]
    public async Task A_user_without_notes_finds_nothing()
    {
        await SaveCorpusAsync();

        var found = await Client.SearchAsync("定例会議", user: Bob, mode: "vector");

        Assert.Equal("vector", found.Mode());
        Assert.Empty(found.Contents());
    }

    private async Task SaveCorpusAsync()
    {
        foreach (var (content, category) in NoteCorpus.Notes)
        {
            await Client.SaveNoteAsync(content, category: category);
        }
    }
}
