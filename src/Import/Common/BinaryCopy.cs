using Npgsql;

namespace NakamuraMisaki.Import.Common;

/// <summary>The writers' one bulk path into PostgreSQL: rows sent by binary COPY, column by listed column.</summary>
internal static class BinaryCopy
{
    /// <summary>Bulk statements on a loaded server can outlast the service's per-request command timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <param name="target">A table name, quoted where it needs to be.</param>
    public static async Task WriteAsync<TRow>(
        NpgsqlConnection connection, string target, IReadOnlyList<StagedColumn<TRow>> columns, IEnumerable<TRow> rows,
        CancellationToken cancellationToken)
    {
        var columnList = string.Join(", ", columns.Select(c => "\"" + c.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {target} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        writer.Timeout = Timeout;
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                await column.Write(writer, row, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Class 22 (data exception) and 23 (integrity constraint): the data, not the server, is at fault.</summary>
    public static bool RefusesData(PostgresException e) =>
        e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState.StartsWith("23", StringComparison.Ordinal);

    public static ImportRowsRefusedException Refused(PostgresException e) =>
        new(e.MessageText + (e.ConstraintName is { } c ? $" ({c})" : ""), e);
}
