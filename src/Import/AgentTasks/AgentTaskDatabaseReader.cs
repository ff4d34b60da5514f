using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.AgentTasks;

/// <summary>The rows of table <c>tasks</c> in the coding agent's SQLite database, opened read-only, in rowid order.</summary>
internal sealed class AgentTaskDatabaseReader : ILegacyReader<LegacyAgentTask>
{
    private const string Table = "tasks";
    private const string RowIdAlias = "__import_rowid";

    public async IAsyncEnumerable<LegacyItem<LegacyAgentTask>> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read-only: SQLite itself refuses to change the file. No pooling: the file is let go when the import ends.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        var tableLocation = new RecordLocation(path, $"table {Table}");
        var (columns, error) = await ReadColumnsAsync(connection, cancellationToken);
        if (error is not null)
        {
            yield return LegacyItem<LegacyAgentTask>.Rejected(tableLocation, error);
            yield break;
        }

        var absent = LegacyAgentTaskParser.RequiredColumns.Where(c => !columns.Contains(c)).ToArray();
        if (absent.Length > 0)
        {
            yield return LegacyItem<LegacyAgentTask>.Rejected(tableLocation,
                $"has no column {string.Join(", ", absent)} (it has {string.Join(", ", columns)})");
            yield break;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid AS {RowIdAlias}, * FROM {Table} ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return LegacyItem<LegacyAgentTask>.Parse(
                RecordLocation.RowId(path, reader.GetInt64(0)), () => LegacyAgentTaskParser.Parse(new LegacyRowFields(row)));
        }
    }

    private static async Task<(HashSet<string> Columns, string? Error)> ReadColumnsAsync(
        SqliteConnection connection, CancellationToken cancellationToken)
    {
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{Table}')";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(reader.GetString(0));
            }
        }
        catch (SqliteException e)
        {
            return (columns, $"cannot be read as a SQLite database: {e.Message}");
        }

        return columns.Count == 0 ? (columns, $"the database has no table {Table}") : (columns, null);
    }
}
