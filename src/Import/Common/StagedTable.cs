using NakamuraMisaki.Import.Common;
using Npgsql;

namespace NakamuraMisaki.Import.Common;

/// <summary>
/// The bulk path shared by the three targets. Per batch, in one transaction: binary COPY into a temporary staging
/// table shaped like the target, then one statement that inserts the rows whose key is new (ON CONFLICT DO NOTHING)
/// and, for every staged row, says whether it was inserted and, if not, in which compared columns the stored row
/// differs. The comparison reads the rows as they were before the insert (a data-modifying WITH sees its statement's
/// snapshot), so a stored row is never mistaken for one this batch wrote. Stored rows are never updated.
/// Each source's writer is one of these: its table, key, columns and batch size.
/// </summary>
internal abstract class StagedTable<TRow>(
    NpgsqlDataSource dataSource, string table, string key, IReadOnlyList<StagedColumn<TRow>> columns)
    : IImportWriter<TRow>
    where TRow : ILegacyRecord
{
    private const string Staging = "import_staging";

    private const string ConcurrentWrite = "(stored by another writer while this batch ran; compare with --verify)";

    private readonly string _columnList = string.Join(", ", columns.Select(c => Quote(c.Name)));

    public abstract int BatchSize { get; }

    protected NpgsqlDataSource DataSource => dataSource;

    public Task<IReadOnlyDictionary<string, RowOutcome>> ImportAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken) =>
        RunAsync(rows, insert: true, cancellationToken);

    public Task<IReadOnlyDictionary<string, RowOutcome>> CompareAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken) =>
        RunAsync(rows, insert: false, cancellationToken);

    private async Task<IReadOnlyDictionary<string, RowOutcome>> RunAsync(
        IReadOnlyList<TRow> rows, bool insert, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection,
                $"CREATE TEMP TABLE {Staging} ON COMMIT DROP AS SELECT {_columnList} FROM {Quote(table)} WITH NO DATA",
                cancellationToken);
            await CopyAsync(connection, rows, cancellationToken);
            var outcomes = await ClassifyAsync(connection, insert, cancellationToken);
            if (insert)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return outcomes; // a comparison wrote nothing but its staging table, dropped with the rollback
        }
        catch (PostgresException e) when (BinaryCopy.RefusesData(e))
        {
            throw BinaryCopy.Refused(e);
        }
    }

    private Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<TRow> rows, CancellationToken cancellationToken) =>
        BinaryCopy.WriteAsync(connection, Staging, columns, rows, cancellationToken);

    private async Task<IReadOnlyDictionary<string, RowOutcome>> ClassifyAsync(
        NpgsqlConnection connection, bool insert, CancellationToken cancellationToken)
    {
        var k = Quote(key);
        var differing = string.Join(", ", columns.Where(c => c.Compared).Select(c =>
            $"CASE WHEN e.{Quote(c.Name)} IS DISTINCT FROM s.{Quote(c.Name)} THEN '{c.Name}' END"));
        var sql = insert
            ? $"""
               WITH inserted AS (
                   INSERT INTO {Quote(table)} ({_columnList}) SELECT {_columnList} FROM {Staging}
                   ON CONFLICT ({k}) DO NOTHING RETURNING {k})
               SELECT s.{k}::text, i.{k} IS NOT NULL, e.{k} IS NOT NULL, array_remove(ARRAY[{differing}]::text[], NULL)
               FROM {Staging} s LEFT JOIN inserted i ON i.{k} = s.{k} LEFT JOIN {Quote(table)} e ON e.{k} = s.{k}
               """
            : $"""
               SELECT s.{k}::text, false, e.{k} IS NOT NULL, array_remove(ARRAY[{differing}]::text[], NULL)
               FROM {Staging} s LEFT JOIN {Quote(table)} e ON e.{k} = s.{k}
               """;

        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)BinaryCopy.Timeout.TotalSeconds };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var outcomes = new Dictionary<string, RowOutcome>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (inserted, existed, differs) = (reader.GetBoolean(1), reader.GetBoolean(2), reader.GetFieldValue<string[]>(3));
            outcomes[reader.GetString(0)] = (inserted, existed) switch
            {
                (true, _) => RowOutcome.Imported,
                (false, true) when differs.Length == 0 => RowOutcome.AlreadyPresent,
                (false, true) => new RowOutcome(RowState.Conflict, differs),
                (false, false) when insert => new RowOutcome(RowState.Conflict, [ConcurrentWrite]),
                (false, false) => RowOutcome.Missing,
            };
        }

        return outcomes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
