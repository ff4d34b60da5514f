using Microsoft.Data.Sqlite;
using Npgsql;

namespace NakamuraMisaki.Import.Export;

/// <summary>
/// <c>agent_tasks</c> as the coding agent kept them: a SQLite <c>tasks.db</c> with table <c>tasks</c>, the uuid and the
/// instants as text, the counters as integers, the run's user in column <c>user</c>.
/// </summary>
internal sealed class AgentTaskDatabaseExporter(NpgsqlDataSource dataSource)
{
    private static readonly string[] Columns =
    [
        "uuid", "task_source", "owner", "repo", "task_type", "task_id", "status", "created_at", "started_at", "completed_at",
        "process_id", "hostname", "llm_provider", "model", "context_length", "llm_call_count", "tool_call_count",
        "total_tokens", "compression_count", "error_message", "user",
    ];

    private const string CreateTable = """
        CREATE TABLE tasks (
            uuid TEXT PRIMARY KEY, task_source TEXT NOT NULL, owner TEXT NOT NULL, repo TEXT NOT NULL,
            task_type TEXT NOT NULL, task_id TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
            started_at TEXT, completed_at TEXT, process_id INTEGER, hostname TEXT, llm_provider TEXT, model TEXT,
            context_length INTEGER, llm_call_count INTEGER DEFAULT 0, tool_call_count INTEGER DEFAULT 0,
            total_tokens INTEGER DEFAULT 0, compression_count INTEGER DEFAULT 0, error_message TEXT, user TEXT)
        """;

    private const string Sql = """
        SELECT uuid, task_source, owner, repo, task_type, task_id, status, created_at, started_at, completed_at,
               process_id, hostname, llm_provider, model, context_length, llm_call_count, tool_call_count,
               total_tokens, compression_count, error_message, user_name
        FROM agent_tasks ORDER BY created_at, uuid
        """;

    public async Task<ExportedFiles> ExportAsync(ExportLayout layout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(layout.AgentTasks)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = layout.AgentTasks, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString();
        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync(cancellationToken);
        await using (var create = sqlite.CreateCommand())
        {
            create.CommandText = CreateTable;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync(cancellationToken);
        await using var insert = sqlite.CreateCommand();
        insert.CommandText = $"INSERT INTO tasks ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) " +
                             $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();

        var rows = 0L;
        await using (var command = dataSource.CreateCommand(Sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < Columns.Length; i++)
                {
                    parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : reader.GetValue(i) switch
                    {
                        Guid uuid => uuid.ToString(),
                        DateTime instant => LegacyTime.Format(instant),
                        var value => value,
                    };
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
                rows++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new("agent tasks", layout.AgentTasks, 1, rows);
    }
}
