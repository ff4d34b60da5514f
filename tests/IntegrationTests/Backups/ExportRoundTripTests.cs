using System.Text.Json;
using NakamuraMisaki.Api.CommandLine.Import;
using NakamuraMisaki.IntegrationTests.Support;
using NakamuraMisaki.IntegrationTests.Tasks;

namespace NakamuraMisaki.IntegrationTests.Backups;

public sealed class ExportRoundTripTests(ApiFactory factory) : BackupTest(factory)
{
    private const string Seed = """
        INSERT INTO sessions (session_id, user_id, title, workspace_path, message_count, is_active, options, created_at, last_active) VALUES
          ('0b5f7e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'U0ALICE01', '設計の相談', '/work/nakamura', 12, true,
           '{"model": "sonnet", "allowed_tools": ["Read", "Edit"], "nested": {"深さ": 2}}', '2026-05-01 09:15:30.123456+00', '2026-05-02 10:00:00.5+00'),
          ('1c6a8f3b-2d3e-4f60-9bac-1d2e3f4a5b6c', 'U0ALICE01', 'Session 05/03 18:00', NULL, 0, false, '{}', '2026-05-03 09:00:00+00', '2026-05-03 09:00:00+00'),
          ('2d7b9a4c-3e4f-4071-acbd-2e3f4a5b6c7d', 'W0BOB0002', 'deploy', '/srv', 3, true, '{"a": null}', '2026-05-04 00:00:00.000001+00', '2026-05-04 01:00:00+00');
        UPDATE sessions SET last_message_seq = 3 WHERE session_id = '0b5f7e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
        INSERT INTO session_messages (session_id, seq, role, content, slack_ts, metadata, created_at) VALUES
          ('0b5f7e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 1, 'user', 'PostgreSQL に移すべき？', '1714554930.000100', '{"channel": "C01", "thread": {"ts": "1"}}', '2026-05-01 09:15:31.000001+00'),
          ('0b5f7e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 2, 'assistant', 'はい。理由は三つ:
        1. "pgvector"', NULL, '{}', '2026-05-01 09:15:40+00'),
          ('0b5f7e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 3, 'tool', '{"ok": true}', NULL, '{"tool_name": "search"}', '2026-05-01 09:16:00.5+00');
        INSERT INTO notes (id, user_id, session_id, category, content, created_at) VALUES
          ('019300aa-0000-7000-8000-000000000001', 'U0ALICE01', '0b5f7e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'decisions', 'PostgreSQL に移行する', '2026-05-01 09:20:00.654321+00'),
          ('019300aa-0000-7000-8000-000000000002', 'U0ALICE01', NULL, 'general', 'line one
        line two "quoted"', '2026-05-01 09:21:00+00'),
          ('019300aa-0000-7000-8000-000000000003', 'W0BOB0002', '2d7b9a4c-3e4f-4071-acbd-2e3f4a5b6c7d', 'errors', 'timeout on deploy', '2026-05-04 00:30:00+00'),
          ('019300aa-0000-7000-8000-000000000004', 'W0BOB0002', NULL, 'general', '学んだこと', '2026-05-04 00:31:00+00');
        INSERT INTO agent_tasks (uuid, task_source, owner, repo, task_type, task_id, status, created_at, started_at, completed_at,
          process_id, hostname, llm_provider, model, context_length, llm_call_count, tool_call_count, total_tokens,
          compression_count, error_message, user_name) VALUES
          ('6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f', 'github', 'nakamura', 'misaki', 'pull_request', '42', 'failed',
           '2026-05-05 08:00:00.25+00', '2026-05-05 08:00:01+00', '2026-05-05 08:30:00+00', 4242, 'runner-1', 'anthropic',
           'claude', 200000, 17, 40, 123456, 2, 'tests failed: 3', 'U0ALICE01'),
          ('7a2f3e4d-5c6b-4a79-9887-6b5c4d3e2f1a', 'gitlab', 'group', '1234', 'merge_request', '7', 'running',
           '2026-05-06 08:00:00+00', '2026-05-06 08:00:00+00', NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, NULL, NULL);
        """;

    private static readonly string[] Compared =
    [
        "SELECT session_id, user_id, title, workspace_path, message_count, is_active, options, created_at, last_active FROM sessions",
        "SELECT user_id, session_id, category, content, created_at FROM notes", // ids are derived again: the old files hold none
        "SELECT session_id, seq, role, content, slack_ts, metadata, created_at FROM session_messages",
        "SELECT uuid, task_source, owner, repo, task_type, task_id, status, created_at, started_at, completed_at, process_id, " +
        "hostname, llm_provider, model, context_length, llm_call_count, tool_call_count, total_tokens, compression_count, " +
        "error_message, user_name FROM agent_tasks",
    ];

    [Fact]
    public async Task Export_then_import_into_an_empty_database_gives_the_same_rows()
    {
        await ExecuteAsync(Factory.Database.ConnectionString, Seed);
        var task = await Client.CreateTaskAsync("tasks have no old store");
        var exportDirectory = Path.Combine(Directory, "export");

        var export = await Service.RunAsync("export", "--to", exportDirectory);
        Assert.True(export.ExitCode == 0, export.Output);

        var target = await CreateEmptyDatabaseAsync();
        using var importOutput = new StringWriter();
        var import = await ImportCommand.RunAsync(
            ["--sessions", Path.Combine(exportDirectory, "workspaces", "sessions"), "--notes", Path.Combine(exportDirectory, "workspaces"),
             "--agent-tasks", Path.Combine(exportDirectory, "contexts", "tasks.db")],
            ImportConsole.Plain(importOutput), builder =>
            {
                builder.Configuration["ConnectionStrings:Default"] = target;
                builder.Configuration["Database:MigrateOnStartup"] = "true";
            }, CancellationToken.None);
        Assert.True(import.ExitCode == 0, importOutput.ToString());

        foreach (var sql in Compared)
        {
            Assert.Equal(await RowsAsync(Factory.Database.ConnectionString, sql), await RowsAsync(target, sql));
        }

        Assert.Equal(3L, await ScalarAsync<long>(target, "SELECT count(*) FROM sessions")); // not vacuously equal
        Assert.Equal(3L, await ScalarAsync<long>(target, "SELECT count(*) FROM session_messages"));
        using var tasksAndHandoffs = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(exportDirectory, "tasks-and-handoffs.json")));
        Assert.Equal(task.Id(), tasksAndHandoffs.RootElement.GetProperty("tasks")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Export_refuses_a_directory_that_is_not_empty()
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, "keep.txt"), "an old store");

        var export = await Service.RunAsync("export", "--to", Directory);

        Assert.Equal(2, export.ExitCode);
        Assert.Equal("an old store", await File.ReadAllTextAsync(Path.Combine(Directory, "keep.txt")));
    }

    private static Task<string> RowsAsync(string connectionString, string sql) =>
        ScalarAsync<string>(connectionString, $"SELECT coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '') FROM ({sql}) r");
}
