using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Application.Common.Concurrency;

/// <summary>
/// The one comparison of a command's <c>ExpectedVersion</c> (HTTP If-Match) with the stored version.
/// Handlers call it right after loading the entity for update. The same version then guards the write itself:
/// EF Core puts the loaded xmin in the UPDATE's WHERE clause, so a change that lands between this check and the
/// save fails with ConcurrentChangeException (AppDbContext translates EF Core's) instead of being overwritten.
/// </summary>
public static class VersionCheck
{
    /// <param name="expectedVersion">null: the client named no version (last writer wins, still guarded by xmin).</param>
    public static void EnsureVersion(this IVersioned entity, uint? expectedVersion, string resource, object key)
    {
        if (expectedVersion is { } expected && entity.Version != expected)
        {
            throw new StaleVersionException(resource, key, expected);
        }
    }

    /// <summary>
    /// The entity a versioned command changes, as loaded for update: <see cref="NotFoundException"/> when there is
    /// none (or the acting user may not see it), <see cref="StaleVersionException"/> when it is not at the version
    /// the client named.
    /// </summary>
    public static async Task<T> AtVersion<T>(this Task<T?> loadForUpdate, uint? expectedVersion, string resource, object key)
        where T : class, IVersioned
    {
        var entity = await loadForUpdate ?? throw new NotFoundException(resource, key);
        entity.EnsureVersion(expectedVersion, resource, key);
        return entity;
    }

    /// <summary>
    /// Why a versioned delete (<c>WHERE … AND xmin = @expected</c>) deleted nothing: the row is still there at another
    /// version (412), or there is no such row for this user (404).
    /// </summary>
    public static async Task<Exception> NothingDeletedAsync(
        uint? expectedVersion, Func<Task<bool>> stillExists, string resource, object key) =>
        expectedVersion is { } expected && await stillExists()
            ? new StaleVersionException(resource, key, expected)
            : new NotFoundException(resource, key);
}
