using System.Text.Json;
using NakamuraMisaki.Import.Sessions;
using Npgsql;

namespace NakamuraMisaki.Import.Export;

/// <summary>
/// <c>sessions</c> as the old bot kept them: per user a <c>user_{id}_sessions.json</c>, an object keyed by session id
/// whose values carry the old field names (<c>claude_options</c> for options).
/// </summary>
internal sealed class SessionFilesExporter(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT user_id, session_id, created_at, last_active, title, message_count, workspace_path, options::text, is_active
        FROM sessions ORDER BY user_id, session_id
        """;

    public async Task<ExportedFiles> ExportAsync(ExportLayout layout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.Sessions);
        var rows = 0L;
        await using var files = new JsonFilePerKey(user => Path.Combine(layout.Sessions, SessionFileName.For(user)), array: false);
        await using (var command = dataSource.CreateCommand(Sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                WriteSession(await files.ForAsync(reader.GetString(0)), reader);
                rows++;
            }
        }

        await files.DisposeAsync();
        return new("sessions", layout.Sessions, files.Files, rows);
    }

    private static void WriteSession(Utf8JsonWriter json, NpgsqlDataReader row)
    {
        json.WriteStartObject(row.GetString(1));
        json.WriteString("user_id", row.GetString(0));
        json.WriteString("session_id", row.GetString(1));
        json.WriteString("created_at", LegacyTime.Format(row.GetDateTime(2)));
        json.WriteString("last_active", LegacyTime.Format(row.GetDateTime(3)));
        json.WriteString("title", row.GetString(4));
        json.WriteNumber("message_count", row.GetInt32(5));
        if (row.IsDBNull(6))
        {
            json.WriteNull("workspace_path");
        }
        else
        {
            json.WriteString("workspace_path", row.GetString(6));
        }

        json.WritePropertyName("claude_options");
        json.WriteRawValue(row.GetString(7), skipInputValidation: true); // jsonb's own text: valid JSON by construction
        json.WriteBoolean("is_active", row.GetBoolean(8));
        // Seam for conversation history: when sessions' messages are stored (table session_messages), they are written
        // here as "message_history", oldest first, each {"role", "content", ...metadata}. Until then the old files'
        // histories were never carried over (the import says so), so there is nothing to write back.
        json.WriteEndObject();
    }
}
