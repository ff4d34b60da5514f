using NakamuraMisaki.Domain.Audit;

namespace NakamuraMisaki.Application.Audit;

public interface IAuditEventRepository
{
    /// <summary>Newest first, ids below <see cref="AuditFilter.BeforeId"/>, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEvent>> ListAsync(AuditFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>The retention pass: deletes events that occurred before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

public sealed record AuditFilter(
    DateTimeOffset? From, DateTimeOffset? To, string? Client, string? User, string? Operation, long? BeforeId);
