namespace NakamuraMisaki.Import.Common;

/// <summary>The table one old store is imported into. Existing rows are never changed.</summary>
public interface IImportWriter<in TRow>
    where TRow : ILegacyRecord
{
    /// <summary>Rows per round trip: large enough to amortise it, small enough to bound one transaction.</summary>
    int BatchSize { get; }

    /// <summary>Inserts the rows whose key is not there yet, in one transaction, and says of each what became of it.</summary>
    /// <returns>One outcome per row, by <see cref="ILegacyRecord.Key"/>: imported, already present or conflict.</returns>
    /// <exception cref="ImportRowsRefusedException">The database refused a row's data; nothing of the batch was written.</exception>
    Task<IReadOnlyDictionary<string, RowOutcome>> ImportAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    /// <summary>Compares the rows with the table without writing: missing, already present or conflict.</summary>
    Task<IReadOnlyDictionary<string, RowOutcome>> CompareAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}
