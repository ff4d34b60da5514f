using NakamuraMisaki.Infrastructure.Persistence.Repositories;
using NakamuraMisaki.Infrastructure.Persistence.Search;
using NakamuraMisaki.IntegrationTests.Support;
using Npgsql;
using Xunit.Abstractions;
using static NakamuraMisaki.IntegrationTests.Notes.NoteRequests;

namespace NakamuraMisaki.IntegrationTests.Notes;

/// <summary>
/// One- and two-character Japanese words, which trigrams cannot index, are found through the GIN index on
/// search_tokens: the plan of the repository's own lexical query, over a user with many notes, with no planner
/// setting forced.
/// </summary>
public sealed class NoteLexicalIndexTests(ApiFactory factory, ITestOutputHelper output) : ApiTest(factory)
{
    private const int Notes = 20_000;

    [Theory]
    [InlineData("猫")]
    [InlineData("東京")]
    public async Task A_short_word_is_found_through_the_token_index(string word)
    {
        await using var connection = new NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        // One note in 500 holds the word; the rest are ordinary notes of the same user.
        await ExecuteAsync(connection, $"""
            INSERT INTO notes (id, user_id, category, content, created_at)
            SELECT gen_random_uuid(), '{Alice}', 'general',
                   CASE WHEN i % 500 = 0 THEN '週末に猫を連れて東京へ行く ' || i ELSE '定例会議の議事録と移行手順のメモ ' || i END,
                   now() - i * interval '1 minute'
            FROM generate_series(1, {Notes}) AS i;
            ANALYZE notes;
            """);

        var plan = await ExplainAsync(connection, word);
        output.WriteLine(plan);

        Assert.Contains("ix_notes_search_tokens", plan);
        Assert.DoesNotContain("Seq Scan on notes", plan);
        var found = await Client.SearchAsync(word, mode: "text", limit: 100);
        Assert.Equal(Notes / 500, found.Contents().Length);
        Assert.All(found.Contents(), c => Assert.Contains(word, c));
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string query)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + NoteReader.LexicalSql, connection)
        {
            Parameters =
            {
                new("q", query), new("user", Alice), new("category", NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value },
                new("floor", LexicalSearchSql.NoiseFloor), new("limit", 40),
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
