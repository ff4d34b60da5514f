using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

public sealed class NoteCrudTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Saving_a_note_stores_it_for_the_acting_user_embedded_by_the_configured_model()
    {
        var response = await Client.PostAsync(Route, NoteJson.Of(new { content = "本番DBの移行手順を確認した" }));
        var saved = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"{Route}/{saved.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(Alice, saved.GetProperty("user_id").GetString());
        Assert.Equal("general", saved.GetProperty("category").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, saved.GetProperty("session_id").ValueKind);
        Assert.Equal(ApiFactory.Epoch, saved.GetProperty("created_at").GetDateTimeOffset());
        Assert.True(saved.GetProperty("embedded").GetBoolean());
        Assert.Equal("hashed-ngram-v1", saved.GetProperty("embedding_model").GetString());

        var read = await Client.GetOkJsonAsync($"{Route}/{saved.Id()}");
        Assert.Equal(saved.ToString(), read.ToString());
    }

    [Fact]
    public async Task A_note_keeps_its_category_and_session()
    {
        var saved = await Client.SaveNoteAsync("Chose PostgreSQL over SQLite", category: "decisions", sessionId: "c0ffee-1");

        var read = await Client.GetOkJsonAsync($"{Route}/{saved.Id()}");
        Assert.Equal("decisions", read.GetProperty("category").GetString());
        Assert.Equal("c0ffee-1", read.GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Another_users_note_is_not_found_exactly_like_a_missing_one()
    {
        var alices = await Client.SaveNoteAsync("Alice's private note");

        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Get, $"{Route}/{alices.Id()}", Bob), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        var body = await (await Client.SendAsAsync(HttpMethod.Get, $"{Route}/{alices.Id()}", Bob)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("private", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_deletes_a_note_and_nobody_else_can()
    {
        var note = await Client.SaveNoteAsync("to be deleted");

        await AssertProblemAsync(await Client.SendAsAsync(HttpMethod.Delete, $"{Route}/{note.Id()}", Bob), HttpStatusCode.NotFound);
        await Client.GetOkJsonAsync($"{Route}/{note.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"{Route}/{note.Id()}")).StatusCode);
        await AssertProblemAsync(await Client.GetAsync($"{Route}/{note.Id()}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Client.DeleteAsync($"{Route}/{note.Id()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Listing_a_users_notes_goes_newest_first_in_pages()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.SaveNoteAsync($"note {i}");
            Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await Client.SaveNoteAsync("bob's note", user: Bob);

        var first = await Client.GetOkJsonAsync($"{Route}?limit=2");
        Assert.Equal(["note 4", "note 3"], first.Contents());
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        var last = await Client.GetOkJsonAsync($"{Route}?limit=2&offset=4");
        Assert.Equal(["note 0"], last.Contents());
    }

    [Fact]
    public async Task Listing_filters_by_category()
    {
        await Client.SaveNoteAsync("a decision", category: "decisions");
        await Client.SaveNoteAsync("a todo", category: "todos");
        await Client.SaveNoteAsync("bob's decision", user: Bob, category: "decisions");

        var decisions = await Client.GetOkJsonAsync($"{Route}?category=decisions");
        Assert.Equal(["a decision"], decisions.Contents());
    }

    [Fact]
    public async Task A_sessions_notes_list_oldest_first_and_only_the_users_own()
    {
        await Client.SaveNoteAsync("first", sessionId: "s-1");
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await Client.SaveNoteAsync("other session", sessionId: "s-2");
        await Client.SaveNoteAsync("second", sessionId: "s-1");
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await Client.SaveNoteAsync("third", sessionId: "s-1");
        await Client.SaveNoteAsync("bob in the same session id", user: Bob, sessionId: "s-1");
        await Client.SaveNoteAsync("no session");

        var page = await Client.GetOkJsonAsync($"{Route}/by-session/s-1");
        Assert.Equal(["first", "second", "third"], page.Contents());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }
}
