using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// The context for reads that may be a little behind the primary: lists, searches, notes by session. It is a standby's
/// when a read connection is configured, else the request's own (primary) context. Never for a read that a write of
/// the same request depends on, nor one that must see a write just made: those use the primary's context.
/// </summary>
public sealed class StaleTolerantReads(AppDbContext primary, ReadOnlyDataSource readOnly) : IDisposable
{
    private AppDbContext? _readOnly;

    public AppDbContext Db => readOnly.DataSource is null ? primary : _readOnly ??= readOnly.CreateContext()!;

    public void Dispose() => _readOnly?.Dispose();
}
