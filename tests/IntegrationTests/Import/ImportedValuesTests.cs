using NakamuraMisaki.Import;
using NakamuraMisaki.Import.Notes;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Import;

public sealed class ImportedValuesTests(ApiFactory factory) : ImportTest(factory)
{
    private static DateTime Utc(string iso) => DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

    [Theory]
    [InlineData("s-naive", "created_at", "2024-01-05T10:00:00Z")] // no offset: UTC
    [InlineData("s-naive", "last_active", "2024-01-05T10:30:00Z")] // "2024-01-05 19:30:00+09:00"
    [InlineData("s-frac", "created_at", "2024-01-05T10:00:00.123456Z")] // seven digits, kept to the microsecond
    [InlineData("s-frac", "last_active", "2024-01-05T10:00:00.123456Z")] // absent: created_at
    [InlineData("s-epoch", "created_at", "2024-01-05T10:00:00Z")] // Unix seconds
    [InlineData("s-epoch", "last_active", "2024-01-05T13:30:00Z")] // -0130
    public async Task Session_timestamps_without_offset_are_utc_and_offsets_are_honoured(string session, string column, string expected)
    {
        await Importer.RunAsync("--sessions", Stores.SessionsDirectory);

        var stored = await ScalarAsync<DateTime>($"SELECT {column} FROM sessions WHERE session_id = $1", session);
        Assert.Equal(Utc(expected), stored);
    }

    [Fact]
    public async Task Missing_session_fields_get_the_old_bots_defaults()
    {
        await Importer.RunAsync("--sessions", Stores.SessionsDirectory);

        // The default title is written in Tokyo time, as the old bot did.
        Assert.Equal("Session 01/05 19:00", await ScalarAsync<string>("SELECT title FROM sessions WHERE session_id = 's-frac'"));
        Assert.Equal(0, await ScalarAsync<int>("SELECT message_count FROM sessions WHERE session_id = 's-frac'"));
        Assert.True(await ScalarAsync<bool>("SELECT is_active FROM sessions WHERE session_id = 's-frac'"));
        Assert.Equal("{}", await ScalarAsync<string>("SELECT options::text FROM sessions WHERE session_id = 's-frac'"));
        Assert.Equal("U01ABC123", await ScalarAsync<string>("SELECT user_id FROM sessions WHERE session_id = 's-epoch'"));
        Assert.False(await ScalarAsync<bool>("SELECT is_active FROM sessions WHERE session_id = 's-epoch'"));
        Assert.Equal("claude-3", await ScalarAsync<string>("SELECT options->>'model' FROM sessions WHERE session_id = 's-naive'"));
        Assert.Equal("設計の相談", await ScalarAsync<string>("SELECT title FROM sessions WHERE session_id = 's-naive'"));
    }

    [Theory]
    [InlineData("--dry-run")]
    [InlineData(null)]
    public async Task The_report_says_which_sessions_took_their_user_from_the_file_name(string? mode)
    {
        string[] args = ["--sessions", Stores.SessionsDirectory];
        var run = await Importer.RunAsync(mode is null ? args : [.. args, mode]);

        // s-epoch has no user_id: it is stored under U01ABC123, the user of user_U01ABC123_sessions.json.
        const string Remark = "1 session took its user from the file name";
        Assert.Contains(Remark, run.Source(ImportSource.Sessions).Remarks);
        Assert.Contains($"  note       {Remark}", run.Output, StringComparison.Ordinal);

        // Once stored, a later run imports nothing new and so infers nothing.
        if (mode is null)
        {
            var again = await Importer.RunAsync(args);
            Assert.DoesNotContain(again.Source(ImportSource.Sessions).Remarks, r => r.Contains("file name", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Notes_get_their_derived_id_category_session_and_utc_time()
    {
        await Importer.RunAsync("--notes", Stores.NotesDirectory);

        var created = new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var id = LegacyNoteIdentity.Derive("U01ABC123", "decisions", created, "DBはPostgreSQLにする");
        Assert.Equal("s-naive", await ScalarAsync<string>("SELECT session_id FROM notes WHERE id = $1", id));
        Assert.Equal(created.UtcDateTime, await ScalarAsync<DateTime>("SELECT created_at FROM notes WHERE id = $1", id));
        // "+09:00" honoured; category from the file name when the note has none; half a second kept.
        Assert.Equal(Utc("2024-02-01T09:00:00Z"), await ScalarAsync<DateTime>("SELECT created_at FROM notes WHERE content = '東京で決めた'"));
        Assert.Equal(Utc("2024-02-02T08:15:30.5Z"), await ScalarAsync<DateTime>("SELECT created_at FROM notes WHERE category = 'learnings'"));
    }

    [Fact]
    public async Task Null_counters_become_zero_and_the_agents_words_are_normalised()
    {
        await Importer.RunAsync("--agent-tasks", Stores.AgentTasksDatabase);

        var complete = $"uuid = '{AgentTaskRows.Complete}'";
        Assert.Equal(0L, await ScalarAsync<long>($"SELECT llm_call_count + tool_call_count + total_tokens + compression_count FROM agent_tasks WHERE {complete}"));
        Assert.Equal(Utc("2024-03-01T10:00:00Z"), await ScalarAsync<DateTime>($"SELECT created_at FROM agent_tasks WHERE {complete}"));
        Assert.Equal(Utc("2024-03-01T10:00:01.5Z"), await ScalarAsync<DateTime>($"SELECT started_at FROM agent_tasks WHERE {complete}"));
        Assert.Equal("alice", await ScalarAsync<string>($"SELECT user_name FROM agent_tasks WHERE {complete}"));

        var epoch = $"uuid = '{AgentTaskRows.EpochCreated}'";
        Assert.Equal(45678L, await ScalarAsync<long>($"SELECT total_tokens FROM agent_tasks WHERE {epoch}"));
        Assert.Equal("github|15", await ScalarAsync<string>($"SELECT task_source || '|' || task_id FROM agent_tasks WHERE {epoch}"));
        Assert.Equal(Utc("2024-03-01T10:00:00Z"), await ScalarAsync<DateTime>($"SELECT started_at FROM agent_tasks WHERE {epoch}"));
        Assert.Null(await ScalarAsync<string>($"SELECT hostname FROM agent_tasks WHERE {epoch}"));
    }
}
