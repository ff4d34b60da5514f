namespace NakamuraMisaki.Domain.Common;

/// <summary>
/// Carries the version of a stored row, which changes with every write: an entity, or a response read from one.
/// The value is assigned by the database (PostgreSQL's <c>xmin</c>; see docs/decisions/0004-xmin-concurrency-token.md),
/// never by the domain. It is the optimistic-concurrency token that keeps one writer from silently overwriting
/// another's change, and the API shows it to clients as the ETag.
/// </summary>
public interface IVersioned
{
    uint Version { get; }
}
