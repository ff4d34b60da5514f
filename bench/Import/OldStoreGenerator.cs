using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace NakamuraMisaki.Bench.Import;

/// <summary>
/// Writes old-format stores of a given size: user_{id}_sessions.json files (100 sessions each), .nakamura_notes
/// category files (1,000 notes each, Japanese and English text) and a tasks.db. Deterministic for a seed.
/// </summary>
internal sealed class OldStoreGenerator(string root, int seed = 7)
{
    private static readonly string[] Categories = ["code_changes", "decisions", "todos", "errors", "learnings"];
    private static readonly string[] Words =
        ["データベース", "移行", "手順", "本番", "確認", "テスト", "deploy", "migration", "index", "review", "設計", "障害",
         "対応", "レビュー", "API", "セッション", "メモ", "修正", "リリース", "pgvector"];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string SessionsDirectory => Path.Combine(root, "sessions");
    public string NotesDirectory => Path.Combine(root, "workspaces");
    public string AgentTasksDatabase => Path.Combine(root, "tasks.db");

    /// <param name="messagesPerSession">The length of each session's message_history (user and assistant in turn).</param>
    public void WriteSessions(int count, int messagesPerSession)
    {
        Directory.CreateDirectory(SessionsDirectory);
        foreach (var (chunk, user) in Enumerable.Range(0, count).Chunk(100).Select((c, i) => (c, $"U{i:D8}")))
        {
            var sessions = chunk.ToDictionary(i => Guid.NewGuid().ToString(), i => (object)new Dictionary<string, object?>
            {
                ["user_id"] = user,
                ["created_at"] = Iso(_start.AddMinutes(i)),
                ["last_active"] = Iso(_start.AddMinutes(i + 30)),
                ["title"] = $"Session {i}",
                ["message_count"] = _random.Next(0, 50),
                ["workspace_path"] = $"/home/{user}/work",
                ["claude_options"] = new Dictionary<string, object> { ["model"] = "claude-3-5-sonnet", ["max_turns"] = 10 },
                ["is_active"] = i % 3 == 0,
                ["message_history"] = History(_start.AddMinutes(i), messagesPerSession),
            });
            File.WriteAllText(Path.Combine(SessionsDirectory, $"user_{user}_sessions.json"), JsonSerializer.Serialize(sessions));
        }
    }

    /// <summary>A conversation as the old bot kept it: role, content, a timestamp, and keys of its own.</summary>
    private List<Dictionary<string, object>> History(DateTimeOffset start, int length) =>
        Enumerable.Range(0, length).Select(m => m % 2 == 0
            ? new Dictionary<string, object> { ["role"] = "user", ["content"] = Sentence(), ["timestamp"] = Iso(start.AddSeconds(m * 30)) }
            : new Dictionary<string, object>
            {
                ["role"] = "assistant", ["content"] = Sentence() + " " + Sentence(), ["timestamp"] = Iso(start.AddSeconds(m * 30)),
                ["model"] = "claude-3-5-sonnet", ["usage"] = new Dictionary<string, int> { ["input_tokens"] = 120 + m, ["output_tokens"] = 80 },
            }).ToList();

    public void WriteNotes(int count)
    {
        var perFile = 1_000;
        foreach (var (chunk, file) in Enumerable.Range(0, count).Chunk(perFile).Select((c, i) => (c, i)))
        {
            var category = Categories[file % Categories.Length];
            var folder = Path.Combine(NotesDirectory, $"ws{file / Categories.Length:D3}", ".nakamura_notes");
            Directory.CreateDirectory(folder);
            var notes = chunk.Select(i => new Dictionary<string, object?>
            {
                ["user_id"] = $"U{i % 100:D8}",
                ["category"] = category,
                ["content"] = $"{Sentence()} ({i})",
                ["timestamp"] = Iso(_start.AddSeconds(i)),
                ["metadata"] = new Dictionary<string, object> { ["source"] = "bench" },
            });
            File.WriteAllText(Path.Combine(folder, $"{category}.json"), JsonSerializer.Serialize(notes));
        }
    }

    public void WriteAgentTasks(int count)
    {
        using var connection = new SqliteConnection($"Data Source={AgentTasksDatabase};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE tasks (uuid TEXT PRIMARY KEY, task_source TEXT, owner TEXT, repo TEXT, task_type TEXT, " +
                                 "task_id TEXT, status TEXT, created_at TEXT, started_at TEXT, completed_at TEXT, process_id INTEGER, " +
                                 "hostname TEXT, llm_provider TEXT, model TEXT, context_length INTEGER, llm_call_count INTEGER, " +
                                 "tool_call_count INTEGER, total_tokens INTEGER, compression_count INTEGER, error_message TEXT, user TEXT)";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO tasks VALUES ($u, $s, 'octo', $r, $t, $id, $st, $c, $c, $done, $pid, 'runner-1', " +
                             "'openai', 'gpt-4o', 128000, $llm, $tools, $tokens, NULL, NULL, 'dev')";
        string[] names = ["$u", "$s", "$r", "$t", "$id", "$st", "$c", "$done", "$pid", "$llm", "$tools", "$tokens"];
        var p = names.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter(n, null)));
        for (var i = 0; i < count; i++)
        {
            var gitlab = i % 4 == 0;
            var created = _start.AddSeconds(i * 10);
            p["$u"].Value = Guid.NewGuid().ToString();
            p["$s"].Value = gitlab ? "gitlab" : "github";
            p["$r"].Value = gitlab ? "1234" : $"repo{i % 50}";
            p["$t"].Value = i % 3 == 0 ? "issue" : gitlab ? "merge_request" : "pull_request";
            p["$id"].Value = (i % 997).ToString(CultureInfo.InvariantCulture);
            p["$st"].Value = i % 10 == 0 ? "failed" : "completed";
            p["$c"].Value = created.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            p["$done"].Value = Iso(created.AddMinutes(5));
            p["$pid"].Value = 1000 + i % 30000;
            p["$llm"].Value = i % 7 == 0 ? DBNull.Value : _random.Next(1, 200);
            p["$tools"].Value = _random.Next(0, 500);
            p["$tokens"].Value = _random.Next(1_000, 2_000_000);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private string Sentence() =>
        string.Join(_random.Next(2) == 0 ? "" : " ", Enumerable.Range(0, _random.Next(8, 30)).Select(_ => Words[_random.Next(Words.Length)]));

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
