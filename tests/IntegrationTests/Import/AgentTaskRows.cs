using Microsoft.Data.Sqlite;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>Rows for a tasks.db in the coding agent's layout (no primary key: old databases held duplicates).</summary>
public static class AgentTaskRows
{
    public const string Complete = "6f1c6a8e-0000-4000-8000-000000000001";
    public const string EpochCreated = "6f1c6a8e-0000-4000-8000-000000000005";

    private static readonly string[] Columns =
    [
        "uuid", "task_source", "owner", "repo", "task_type", "task_id", "status", "created_at", "started_at", "completed_at",
        "process_id", "hostname", "llm_provider", "model", "context_length", "llm_call_count", "tool_call_count",
        "total_tokens", "compression_count", "error_message", "user",
    ];

    /// <summary>rowid 1 and 5 are valid, 7 repeats 1 exactly; the others are refused.</summary>
    public static readonly object?[][] Dirty =
    [
        // 1: NULL counters, naive created_at, started_at with an offset, gitlab project id as repo
        [Complete, "gitlab", "team", "42", "merge_request", "7", "completed", "2024-03-01 10:00:00",
            "2024-03-01T19:00:01.5+09:00", "2024-03-01T11:00:00Z", 4242L, "build-01", "openai", "gpt-4o", 128000L,
            null, null, null, null, null, "alice"],
        // 2: not a UUID
        ["nope", "github", "o", "r", "issue", "1", "running", "2024-03-01 10:00:00", null, null, null, null, null, null, null, 0L, 0L, 0L, 0L, null, null],
        // 3: unknown status
        ["6f1c6a8e-0000-4000-8000-000000000003", "github", "o", "r", "issue", "1", "exploded", "2024-03-01 10:00:00", null, null, null, null, null, null, null, 0L, 0L, 0L, 0L, null, null],
        // 4: GitLab has no pull requests
        ["6f1c6a8e-0000-4000-8000-000000000004", "gitlab", "o", "r", "pull_request", "1", "running", "2024-03-01 10:00:00", null, null, null, null, null, null, null, 0L, 0L, 0L, 0L, null, null],
        // 5: Unix-time created_at, no started_at, counters as the agent left them, an upper-case source
        [EpochCreated, "GitHub", "octo", "app", "pull_request", 15L, "failed", 1709287200L, null, "2024-03-01T10:05:00",
            null, "", null, null, null, 12L, 30L, 45678L, 1L, "Traceback: boom", null],
        // 6: a counter below zero
        ["6f1c6a8e-0000-4000-8000-000000000006", "github", "o", "r", "issue", "1", "running", "2024-03-01 10:00:00", null, null, null, null, null, null, null, -1L, 0L, 0L, 0L, null, null],
        // 7: rowid 1 again, exactly
        [Complete, "gitlab", "team", "42", "merge_request", "7", "completed", "2024-03-01 10:00:00",
            "2024-03-01T19:00:01.5+09:00", "2024-03-01T11:00:00Z", 4242L, "build-01", "openai", "gpt-4o", 128000L,
            null, null, null, null, null, "alice"],
        // 8: rowid 5's uuid with another status
        [EpochCreated, "github", "octo", "app", "pull_request", "15", "completed", 1709287200L, null, null, null, null, null, null, null, 0L, 0L, 0L, 0L, null, null],
    ];

    public static void Write(string path, IEnumerable<object?[]> rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE tasks (uuid TEXT, task_source TEXT, owner TEXT, repo TEXT, task_type TEXT, " +
                                 "task_id TEXT, status TEXT, created_at TEXT, started_at TEXT, completed_at TEXT, process_id INTEGER, " +
                                 "hostname TEXT, llm_provider TEXT, model TEXT, context_length INTEGER, llm_call_count INTEGER, " +
                                 "tool_call_count INTEGER, total_tokens INTEGER, compression_count INTEGER, error_message TEXT, user TEXT)";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO tasks VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i))})";
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
