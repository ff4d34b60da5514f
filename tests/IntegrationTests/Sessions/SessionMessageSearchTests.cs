using System.Globalization;
using NakamuraMisaki.Infrastructure.Persistence.Repositories;
using NakamuraMisaki.Infrastructure.Persistence.Search;
using NakamuraMisaki.IntegrationTests.Notes;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;
using Xunit.Abstractions;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionMessageRequests;
using static NakamuraMisaki.IntegrationTests.Sessions.SessionRequests;

namespace NakamuraMisaki.IntegrationTests.Sessions;

/// <summary>
/// Messages are searched by the notes' lexical engine (LexicalSearchSql): the same texts give the same hits in the
/// same order with the same scores, whether stored as notes (text mode) or as messages, through the same kind of index.
/// </summary>
public sealed class SessionMessageSearchTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    private static readonly string[] Texts =
    [
        "バッチがOOMで落ちた", "Zoom会議の録画を共有した", "本番DBの移行手順を確認した", "週末に猫を連れて東京へ",
        "deployment手順を更新した", "ＰＧ－１２３４の対応を始めた", "PG-1243 は別のチケット",
    ];

    [Theory]
    [InlineData("OOM", "バッチがOOMで落ちた")] // a whole word (split where Latin meets Japanese) ahead of "Zoom"
    [InlineData("猫", "週末に猫を連れて東京へ")] // one character: one token
    [InlineData("東京", "週末に猫を連れて東京へ")]
    [InlineData("deplyoment", "deployment手順を更新した")] // a typo
    [InlineData("PG-1234", "ＰＧ－１２３４の対応を始めた")] // full-width folded, ahead of PG-1243
    [InlineData("移行手順", "本番DBの移行手順を確認した")]
    public async Task Notes_and_messages_answer_a_query_alike(string query, string best)
    {
        await Client.CreateSessionAsync("s-1");
        foreach (var text in Texts)
        {
            await Client.SaveNoteAsync(text);
            await Client.AppendAsync("s-1", text);
        }

        var notes = await Client.SearchAsync(query, mode: "text");
        var messages = await Client.GetJsonAsync($"{Route}/messages/search?q={Uri.EscapeDataString(query)}");

        Assert.Equal(best, messages.Contents()[0]);
        Assert.Equal(Hits(notes), Hits(messages));
    }

    [Fact]
    public async Task A_short_word_is_found_through_the_messages_token_index()
    {
        await Client.CreateSessionAsync("s-1");
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO session_messages (session_id, seq, role, content, created_at)
            SELECT 's-1', i, 'user',
                   CASE WHEN i % 500 = 0 THEN '週末に猫を連れて東京へ行く ' || i ELSE '定例会議の議事録と移行手順のメモ ' || i END,
                   now() - i * interval '1 minute'
            FROM generate_series(1, 20000) AS i;
            ANALYZE session_messages;
            """, connection))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + SessionMessageReader.LexicalSql, connection)
        {
            Parameters =
            {
                new("q", "猫"), new("user", NoteRequests.Alice), new("session", NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value },
                new("floor", LexicalSearchSql.NoiseFloor), new("limit", 10),
            },
        };
        var plan = string.Join('\n', await ReadLinesAsync(explain));
        output.WriteLine(plan);

        Assert.Contains("ix_session_messages_search_tokens", plan);
        Assert.DoesNotContain("Seq Scan on session_messages", plan);
        var found = await Client.GetJsonAsync($"{Route}/messages/search?q=猫&limit=100");
        Assert.Equal(40, found.Contents().Length);
    }

    private static string[] Hits(System.Text.Json.JsonElement search) =>
        search.GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("content").GetString() + " " + h.GetProperty("score").GetDouble().ToString("F6", CultureInfo.InvariantCulture))
            .ToArray();

    private static async Task<List<string>> ReadLinesAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
