using System.Net;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionMessageRequests;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

public sealed class SessionMessageTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_appended_message_gets_the_next_seq_and_moves_the_sessions_count_and_last_active()
    {
        await Client.CreateSessionAsync("s-1");
        Factory.Clock.Advance(TimeSpan.FromMinutes(5));

        var first = await Client.AppendAsync("s-1", "資料を作って", slackTs: "1718412345.000100");
        var response = await Client.PostMessageAsync("s-1", new { role = "assistant", content = "はい、作ります", metadata = new { model = "m-1" } });
        var second = await ExpectAsync(response, HttpStatusCode.Created);

        Assert.Equal([1L, 2L], [first.Seq(), second.Seq()]);
        Assert.Equal($"{Messages("s-1")}/2", response.Headers.Location?.OriginalString);
        Assert.Equal("1718412345.000100", first.GetProperty("slack_ts").GetString());
        Assert.Equal("m-1", second.GetProperty("metadata").GetProperty("model").GetString());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(5), second.GetProperty("created_at").GetDateTimeOffset());
        var session = await Client.GetJsonAsync($"{Route}/s-1");
        Assert.Equal(2, session.GetProperty("message_count").GetInt32());
        Assert.Equal(ApiFactory.Epoch.AddMinutes(5), session.GetProperty("last_active").GetDateTimeOffset());
        var stored = await Client.GetJsonAsync($"{Messages("s-1")}/2");
        Assert.Equal("assistant", stored.GetProperty("role").GetString());
        Assert.Equal("はい、作ります", stored.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_batch_is_stored_in_order_and_answers_every_seq()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.AppendAsync("s-1", "before");

        var batch = await Client.AppendBatchAsync("s-1", "a", "b", "c");

        Assert.Equal([2L, 3L, 4L], batch.Select(m => m.Seq()));
        Assert.Equal(["before", "a", "b", "c"], (await Client.GetJsonAsync(Messages("s-1"))).Contents());
    }

    [Fact]
    public async Task Content_of_200000_characters_is_stored_and_read_back_intact()
    {
        await Client.CreateSessionAsync("s-1");
        var content = string.Concat(Enumerable.Repeat("長い回答🍣", 40_000)); // 240,000 UTF-16 code units

        var stored = await Client.AppendAsync("s-1", content, role: "assistant");

        Assert.Equal(content, (await Client.GetJsonAsync($"{Messages("s-1")}/{stored.Seq()}")).GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_list_pages_with_an_after_seq_cursor_in_seq_order()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.AppendBatchAsync("s-1", "1", "2", "3", "4", "5");

        var first = await Client.GetJsonAsync($"{Messages("s-1")}?limit=2");
        var second = await Client.GetJsonAsync($"{Messages("s-1")}?after_seq={first.GetProperty("next_after_seq").GetInt64()}&limit=2");
        var last = await Client.GetJsonAsync($"{Messages("s-1")}?after_seq={second.GetProperty("next_after_seq").GetInt64()}&limit=2");

        Assert.Equal([1L, 2L], first.Seqs());
        Assert.Equal([3L, 4L], second.Seqs());
        Assert.Equal([5L], last.Seqs());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("next_after_seq").ValueKind);
    }

    [Fact]
    public async Task Last_n_answers_the_newest_messages_oldest_first()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.AppendBatchAsync("s-1", "1", "2", "3", "4", "5");

        Assert.Equal(["3", "4", "5"], (await Client.GetJsonAsync($"{Messages("s-1")}?last=3")).Contents());
        Assert.Equal(["1", "2", "3", "4", "5"], (await Client.GetJsonAsync($"{Messages("s-1")}?last=20")).Contents());
    }

    [Fact]
    public async Task Trimming_deletes_the_messages_before_a_seq_and_later_appends_continue_the_numbering()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.AppendBatchAsync("s-1", "1", "2", "3", "4");

        var trimmed = await ExpectAsync(await Client.DeleteAsync($"{Messages("s-1")}/before/3"), HttpStatusCode.OK);
        var next = await Client.AppendAsync("s-1", "5");

        Assert.Equal(2, trimmed.GetProperty("deleted").GetInt32());
        Assert.Equal(5, next.Seq());
        Assert.Equal(new[] { 3L, 4L, 5L }, (await Client.GetJsonAsync(Messages("s-1"))).Seqs());
    }

    [Fact]
    public async Task Deleting_the_history_keeps_the_session_and_never_hands_out_a_seq_twice()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.AppendBatchAsync("s-1", "1", "2");

        var deleted = await ExpectAsync(await Client.DeleteAsync(Messages("s-1")), HttpStatusCode.OK);

        Assert.Equal(2, deleted.GetProperty("deleted").GetInt32());
        Assert.Empty((await Client.GetJsonAsync(Messages("s-1"))).Seqs());
        Assert.Equal(3, (await Client.AppendAsync("s-1", "again")).Seq());
        Assert.Equal(3, (await Client.GetJsonAsync($"{Route}/s-1")).GetProperty("message_count").GetInt32());
    }

    [Fact]
    public async Task Search_finds_the_acting_users_messages_by_japanese_text_optionally_in_one_session()
    {
        await Client.CreateSessionAsync("s-1");
        await Client.CreateSessionAsync("s-2");
        await Client.AppendAsync("s-1", "本番DBの移行手順を確認した");
        await Client.AppendAsync("s-1", "今日の天気は晴れ");
        await Client.AppendAsync("s-2", "移行手順のレビューをお願いします");

        var everywhere = await Client.GetJsonAsync($"{Route}/messages/search?q=移行手順");
        var inOne = await Client.GetJsonAsync($"{Route}/messages/search?q=移行手順&session_id=s-2");

        Assert.Equal(
            ["本番DBの移行手順を確認した", "移行手順のレビューをお願いします"],
            everywhere.Contents().Order(StringComparer.Ordinal));
        Assert.Equal(["移行手順のレビューをお願いします"], inOne.Contents());
        Assert.InRange(inOne.GetProperty("items")[0].GetProperty("score").GetDouble(), 0.8, 1.0); // the word, inside a longer one
    }

    [Fact]
    public async Task Deleting_inactive_sessions_deletes_their_messages_and_keeps_their_notes()
    {
        await Client.CreateSessionAsync("old");
        await Client.AppendBatchAsync("old", "1", "2");
        var note = await ExpectAsync(await Client.PostAsync("/api/v1/notes",
            TaskRequests.Json("""{"content":"覚えておくこと","session_id":"old"}""")), HttpStatusCode.Created);
        Factory.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(1, (await Client.PostJsonAsync($"{Route}/delete-inactive")).GetProperty("deleted").GetInt32());

        await using var connection = new Npgsql.NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM session_messages", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        await ExpectAsync(await Client.GetAsync($"/api/v1/notes/{note.GetProperty("id").GetString()}"), HttpStatusCode.OK);
        await AssertProblemAsync(await Client.GetAsync(Messages("old")), HttpStatusCode.NotFound);
    }
}
