namespace NakamuraMisaki.Application.Import.Common;

/// <summary>A plan whose records are written as they are read.</summary>
public abstract class IdentityImportPlan<TRecord>(ILegacyReader<TRecord> reader, IImportTarget<TRecord> target)
    : IImportPlan<TRecord, TRecord>
    where TRecord : class, ILegacyRecord
{
    public abstract ImportSource Source { get; }
    public abstract string KeyName { get; }
    public ILegacyReader<TRecord> Reader => reader;
    public IImportTarget<TRecord> Target => target;

    public Task<IReadOnlyList<TRecord>> PrepareAsync(
        IReadOnlyList<TRecord> records, ImportMode mode, CancellationToken cancellationToken) => Task.FromResult(records);

    public virtual IEnumerable<string> Remarks(IReadOnlyList<TRecord> newRows, ImportMode mode) => [];
}
