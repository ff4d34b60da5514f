using System.Text.Json;
using Npgsql;

namespace NakamuraMisaki.Import.Export;

/// <summary>
/// Tasks and hand-offs had no file store in the old system, so they are written to a JSON file of their own:
/// <c>{"tasks": [...], "handoffs": [...]}</c>, each row with every column under its column name, for a person or a
/// script to carry back; the import does not read it.
/// </summary>
internal sealed class TasksAndHandoffsExporter(NpgsqlDataSource dataSource)
{
    public async Task<ExportedFiles> ExportAsync(ExportLayout layout, CancellationToken cancellationToken)
    {
        await using var file = File.Create(layout.TasksAndHandoffs);
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        var rows = await WriteTableAsync(json, "tasks", "SELECT row_to_json(t)::text FROM tasks t ORDER BY created_at, id", cancellationToken);
        rows += await WriteTableAsync(json, "handoffs", "SELECT row_to_json(h)::text FROM handoffs h ORDER BY created_at, id", cancellationToken);
        json.WriteEndObject();
        return new("tasks and hand-offs", layout.TasksAndHandoffs, 1, rows);
    }

    private async Task<long> WriteTableAsync(Utf8JsonWriter json, string name, string sql, CancellationToken cancellationToken)
    {
        json.WriteStartArray(name);
        var rows = 0L;
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            json.WriteRawValue(reader.GetString(0), skipInputValidation: true); // PostgreSQL's own JSON
            rows++;
        }

        json.WriteEndArray();
        return rows;
    }
}
