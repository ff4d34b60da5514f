using NakamuraMisaki.Import;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>message_history of the old session files: imported with the sessions, in file order, never twice.</summary>
public sealed class ImportSessionHistoryTests(ApiFactory factory) : ImportTest(factory)
{
    private const string User = "U0HIST001";

    private string Directory => Path.Combine(Stores.Root, "histories");

    [Fact]
    public async Task A_clean_history_is_stored_in_file_order_with_its_timestamps_and_unknown_keys_in_metadata()
    {
        WriteSessions(("h-1", 1, """
            [{"role": "user", "content": "資料を作って", "timestamp": "2024-01-05T10:00:00", "slack_ts": "1704448800.000100"},
             {"role": "assistant", "content": "作りました", "model": "claude-3", "usage": {"tokens": 12}},
             {"role": "tool", "content": "ok", "timestamp": "2024-01-05 19:05:00+09:00"}]
            """));

        var run = await Importer.RunAsync("--sessions", Directory);

        var report = run.Source(ImportSource.SessionMessages);
        Assert.Equal((3, 3, 0), (report.Read, report.Imported, report.Rejected.Count));
        var rows = await MessagesAsync("h-1");
        Assert.Equal(["1|user|資料を作って|1704448800.000100|{}|2024-01-05T10:00:00.0000000+00:00",
                      "2|assistant|作りました||{\"model\": \"claude-3\", \"usage\": {\"tokens\": 12}}|2024-01-05T10:00:00.0000000+00:00",
                      "3|tool|ok||{}|2024-01-05T10:05:00.0000000+00:00"], rows);
        // The file said 1: message_count is at least the number of messages stored.
        Assert.Equal(3, await ScalarAsync<int>("SELECT message_count FROM sessions WHERE session_id = 'h-1'"));
        Assert.Equal(3L, await ScalarAsync<long>("SELECT last_message_seq FROM sessions WHERE session_id = 'h-1'"));
    }

    [Fact]
    public async Task Dirty_messages_are_reported_with_file_session_and_position_and_the_rest_stored_densely()
    {
        WriteSessions(("h-2", 0, """
            [{"role": "user", "content": "one"},
             {"role": "human", "content": "unknown role"},
             {"role": "user"},
             "not an object",
             {"role": "user", "content": "a\u0000b"},
             {"role": "user", "content": "bad time", "timestamp": "yesterday"},
             {"role": "user", "content": "two", "slack_ts": "1.1"},
             {"role": "user", "content": "same slack message", "slack_ts": "1.1"},
             {"role": "assistant", "content": "three", "extra": "nul \u0000 in metadata"},
             {"role": "assistant", "content": "four"}]
            """));

        var run = await Importer.RunAsync("--sessions", Directory);

        var report = run.Source(ImportSource.SessionMessages);
        Assert.Equal((10, 3), (report.Read, report.Imported));
        Assert.Equal([1, 2, 3, 4, 5, 7, 8], report.Rejected.Select(r => Index(r.Location.Position)));
        Assert.All(report.Rejected, r => Assert.StartsWith("key \"h-2\" message_history[", r.Location.Position));
        Assert.All(report.Rejected, r => Assert.EndsWith("user_U0HIST001_sessions.json", r.Location.File));
        Assert.Contains("human", report.Rejected[0].Reason);
        Assert.Equal(["1|user|one", "2|user|two", "3|assistant|four"],
            (await MessagesAsync("h-2")).Select(r => string.Join('|', r.Split('|').Take(3))));
    }

    [Fact]
    public async Task Running_again_adds_nothing_and_a_session_gets_only_what_it_lacks_at_its_end()
    {
        WriteSessions(("h-3", 2, """[{"role": "user", "content": "1"}, {"role": "assistant", "content": "2"}]"""));
        await Importer.RunAsync("--sessions", Directory);

        var again = await Importer.RunAsync("--sessions", Directory);
        Assert.Equal((0, 2), (again.Source(ImportSource.SessionMessages).Imported, again.Source(ImportSource.SessionMessages).AlreadyPresent));

        // The old bot kept writing to its file: the next run appends what the session lacks, after what it has.
        WriteSessions(("h-3", 2, """
            [{"role": "user", "content": "1"}, {"role": "assistant", "content": "2"},
             {"role": "user", "content": "3"}, {"role": "assistant", "content": "4"}]
            """));
        var grown = await Importer.RunAsync("--sessions", Directory);

        Assert.Equal((2, 2), (grown.Source(ImportSource.SessionMessages).Imported, grown.Source(ImportSource.SessionMessages).AlreadyPresent));
        Assert.Equal(["1|user|1", "2|assistant|2", "3|user|3", "4|assistant|4"],
            (await MessagesAsync("h-3")).Select(r => string.Join('|', r.Split('|').Take(3))));
    }

    [Fact]
    public async Task A_trimmed_history_is_not_imported_again_but_verify_reports_what_the_session_lacks()
    {
        WriteSessions(("h-4", 3, """[{"role": "user", "content": "1"}, {"role": "user", "content": "2"}, {"role": "user", "content": "3"}]"""),
                      ("h-5", 1, """[{"role": "user", "content": "only"}]"""));
        await Importer.RunAsync("--sessions", Directory);
        await ExecuteAsync("DELETE FROM session_messages WHERE session_id = 'h-4' AND seq < 3");

        var rerun = await Importer.RunAsync("--sessions", Directory);
        var verify = await Importer.RunAsync("--sessions", Directory, "--verify");

        Assert.Equal(0, rerun.Source(ImportSource.SessionMessages).Imported);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM session_messages WHERE session_id = 'h-4'"));
        var messages = verify.Source(ImportSource.SessionMessages);
        Assert.Equal(2, messages.Missing.Count);
        Assert.All(messages.Missing, m => Assert.StartsWith("h-4#", m.Key));
        Assert.Contains(messages.Remarks, r => r.Contains("1 sessions lack messages of their files: h-4 (2 of 3)", StringComparison.Ordinal));
        Assert.Equal(1, verify.ExitCode);
    }

    [Fact]
    public async Task Verify_of_a_complete_history_import_finds_nothing_missing()
    {
        WriteSessions(("h-6", 2, """[{"role": "user", "content": "1"}, {"role": "assistant", "content": "2"}]"""));
        await Importer.RunAsync("--sessions", Directory);

        var verify = await Importer.RunAsync("--sessions", Directory, "--verify");

        Assert.Equal((0, 2), (verify.Source(ImportSource.SessionMessages).Missing.Count, verify.Source(ImportSource.SessionMessages).AlreadyPresent));
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task Messages_of_a_refused_session_are_refused_with_it()
    {
        File.WriteAllText(Path.Combine(CreateDirectory(), $"user_{User}_sessions.json"), """
            {"h-7": {"user_id": "U0HIST001", "created_at": "not a time",
                     "message_history": [{"role": "user", "content": "lost?"}]}}
            """);

        var run = await Importer.RunAsync("--sessions", Directory);

        var rejected = Assert.Single(run.Source(ImportSource.SessionMessages).Rejected);
        Assert.StartsWith("its session is refused", rejected.Reason);
        Assert.Equal(0L, await CountAsync("session_messages"));
    }

    private void WriteSessions(params (string Id, int MessageCount, string History)[] sessions)
    {
        var members = sessions.Select(s =>
            $"\"{s.Id}\": {{\"user_id\": \"{User}\", \"created_at\": \"2024-01-05T09:00:00\", " +
            $"\"message_count\": {s.MessageCount}, \"message_history\": {s.History}}}");
        File.WriteAllText(Path.Combine(CreateDirectory(), $"user_{User}_sessions.json"), "{" + string.Join(",\n", members) + "}");
    }

    private string CreateDirectory() => System.IO.Directory.CreateDirectory(Directory).FullName;

    private static int Index(string position) => int.Parse(position[(position.LastIndexOf('[') + 1)..^1]);

    /// <summary>seq|role|content|slack_ts|metadata|created_at per stored message, in seq order.</summary>
    private async Task<string[]> MessagesAsync(string sessionId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT seq, role, content, slack_ts, metadata::text, created_at FROM session_messages WHERE session_id = $1 ORDER BY seq",
            connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = sessionId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? "" : reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5).ToString("O")));
        }

        return rows.ToArray();
    }
}
