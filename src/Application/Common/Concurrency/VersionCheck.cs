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
}
