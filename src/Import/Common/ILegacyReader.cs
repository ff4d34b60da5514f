namespace NakamuraMisaki.Import.Common;

/// <summary>
/// Reads one old store. It never changes it, and never stops at a bad record: every record comes out, valid or
/// rejected with its position and reason; a file that cannot be read at all comes out as one rejected item.
/// </summary>
public interface ILegacyReader<T>
    where T : class, ILegacyRecord
{
    /// <summary>Records in a stable order (files by name, then position), so the first of two clashing duplicates wins on every run.</summary>
    IAsyncEnumerable<LegacyItem<T>> ReadAsync(string path, CancellationToken cancellationToken);
}
