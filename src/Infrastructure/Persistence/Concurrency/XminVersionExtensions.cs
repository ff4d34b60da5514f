using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Infrastructure.Persistence.Concurrency;

/// <summary>
/// Optimistic concurrency on PostgreSQL's <c>xmin</c> system column (docs/decisions/0004-xmin-concurrency-token.md).
/// Every configuration of an <see cref="IVersioned"/> entity calls <see cref="HasXminVersion{T}"/>.
/// </summary>
public static class XminVersionExtensions
{
    /// <summary>
    /// Npgsql maps a <c>uint</c> row version to <c>xmin</c> (type xid): no column is added, PostgreSQL changes the
    /// value on every UPDATE, EF Core reads it back after each save (RETURNING xmin) and adds it to the WHERE clause
    /// of every UPDATE and DELETE of a tracked entity, so a lost update becomes a DbUpdateConcurrencyException.
    /// </summary>
    public static PropertyBuilder<uint> HasXminVersion<T>(this EntityTypeBuilder<T> builder)
        where T : class, IVersioned =>
        builder.Property(e => e.Version).IsRowVersion();

    /// <summary>Narrows a set-based write (ExecuteDelete/ExecuteUpdate) to rows still at the expected version.</summary>
    public static IQueryable<T> WithVersion<T>(this IQueryable<T> rows, uint? expectedVersion)
        where T : class, IVersioned =>
        expectedVersion is { } expected ? rows.Where(e => e.Version == expected) : rows;
}
