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
        SELECT user_id, session_id, created_at, last_active, title, message_count, workspace_path, options::text, is_active,
               (SELECT coalesce(jsonb_agg(
                    -- Unknown keys were kept in metadata on the way in: back at the top level on the way out, under
                    -- the known keys, so an import of the export stores the same message.
                    CASE WHEN jsonb_typeof(m.metadata) = 'object' THEN m.metadata ELSE jsonb_build_object('metadata', m.metadata) END
                    || jsonb_build_object('role', m.role, 'content', m.content, 'timestamp',
                           to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'))
                    || CASE WHEN m.slack_ts IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('slack_ts', m.slack_ts) END
                    ORDER BY m.seq), '[]'::jsonb)::text
                FROM session_messages m WHERE m.session_id = s.session_id) AS message_history
        FROM sessions s ORDER BY user_id, session_id
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
        // The conversation (session_messages), oldest first, each {"role", "content", "timestamp", "slack_ts"?,
        // ...metadata}: the old files' message_history, which the import reads back the same way.
        json.WritePropertyName("message_history");
        json.WriteRawValue(row.GetString(9), skipInputValidation: true); // jsonb's own text: valid JSON by construction
        json.WriteEndObject();
    }
}
