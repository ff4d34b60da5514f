namespace NakamuraMisaki.Import.Common;

/// <summary>A plan whose records are written as they are read.</summary>
public abstract class WriteAsReadPlan<TRecord>(ILegacyReader<TRecord> reader, IImportWriter<TRecord> writer)
    : IImportPlan<TRecord, TRecord>
    where TRecord : class, ILegacyRecord
{
    public abstract ImportSource Source { get; }
    public abstract string KeyName { get; }
    public ILegacyReader<TRecord> Reader => reader;
    public IImportWriter<TRecord> Writer => writer;

    public Task<IReadOnlyList<TRecord>> PrepareAsync(
        IReadOnlyList<TRecord> records, ImportMode mode, CancellationToken cancellationToken) => Task.FromResult(records);

    public virtual IEnumerable<string> Remarks(IReadOnlyList<TRecord> newRows, ImportMode mode) => [];
}
