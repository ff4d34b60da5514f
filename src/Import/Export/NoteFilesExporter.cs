using System.Text;
using System.Text.Json;
using Npgsql;

namespace NakamuraMisaki.Import.Export;

/// <summary>
/// <c>notes</c> as the old bot kept them: per category a <c>.nakamura_notes/{category}.json</c> array of
/// <c>{user_id, category, content, timestamp, metadata}</c>, the session in <c>metadata.session_id</c>. Ids and
/// embeddings have no place there: an import derives the ids again and embeds the notes again.
/// </summary>
internal sealed class NoteFilesExporter(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT category, user_id, content, created_at, session_id FROM notes ORDER BY category, created_at, id
        """;

    public async Task<ExportedFiles> ExportAsync(ExportLayout layout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.Notes);
        var rows = 0L;
        await using var files = new JsonFilePerKey(category => Path.Combine(layout.Notes, FileName(category)), array: true);
        await using (var command = dataSource.CreateCommand(Sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var json = await files.ForAsync(reader.GetString(0));
                json.WriteStartObject();
                json.WriteString("user_id", reader.GetString(1));
                json.WriteString("category", reader.GetString(0));
                json.WriteString("content", reader.GetString(2));
                json.WriteString("timestamp", LegacyTime.Format(reader.GetDateTime(3)));
                json.WriteStartObject("metadata");
                if (!reader.IsDBNull(4))
                {
                    json.WriteString("session_id", reader.GetString(4));
                }

                json.WriteEndObject();
                json.WriteEndObject();
                rows++;
            }
        }

        await files.DisposeAsync();
        return new("notes", layout.Notes, files.Files, rows);
    }

    /// <summary>
    /// The category as a file name; one that is not a safe name (a slash, a leading dot) is written with its unsafe
    /// characters as %XX. Each record names its category, so the import reads the exact one back either way.
    /// </summary>
    internal static string FileName(string category)
    {
        var name = new StringBuilder();
        foreach (var c in category)
        {
            var safe = char.IsLetterOrDigit(c) || c is '_' or '-' || (c == '.' && name.Length > 0);
            name.Append(safe ? c.ToString() : string.Concat(Encoding.UTF8.GetBytes(c.ToString()).Select(b => $"%{b:X2}")));
        }

        return name + ".json";
    }
}
