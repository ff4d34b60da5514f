namespace NakamuraMisaki.Import.Common;

/// <summary>How one old store is imported: where it is read from, what is done to a batch before it is written, where it goes.</summary>
public interface IImportPlan<TRecord, TRow>
    where TRecord : class, ILegacyRecord
    where TRow : ILegacyRecord
{
    ImportSource Source { get; }

    /// <summary>What the key is called in the report ("session_id", "uuid").</summary>
    string KeyName { get; }

    ILegacyReader<TRecord> Reader { get; }

    IImportWriter<TRow> Writer { get; }

    /// <summary>Turns a batch of records into the rows to write, one per record and in the same order.</summary>
    Task<IReadOnlyList<TRow>> PrepareAsync(IReadOnlyList<TRecord> records, ImportMode mode, CancellationToken cancellationToken);

    /// <summary>What the report should add about the rows this run imported (or, in a dry run, would import).</summary>
    IEnumerable<string> Remarks(IReadOnlyList<TRow> newRows, ImportMode mode);

    /// <summary>Before the first batch is written (notes: set aside an index that would slow a bulk load).</summary>
    Task BeforeWritingAsync(ImportMode mode, CancellationToken cancellationToken) => Task.CompletedTask;
}
