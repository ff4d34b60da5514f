using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Domain.Audit;
using NakamuraMisaki.Infrastructure.Persistence;

namespace NakamuraMisaki.Infrastructure.Audit;

/// <summary>Reads the trail, and deletes from it for the retention pass only: no other code deletes or updates it.</summary>
internal sealed class AuditEventRepository(AppDbContext db) : IAuditEventRepository
{
    public async Task<IReadOnlyList<AuditEvent>> ListAsync(AuditFilter filter, int limit, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (filter.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        if (filter.Client is { } client)
        {
            events = events.Where(e => e.Client == client);
        }

        if (filter.User is { } user)
        {
            events = events.Where(e => e.ActingUser == user);
        }

        if (filter.Operation is { } operation)
        {
            events = events.Where(e => e.Operation == operation);
        }

        if (filter.BeforeId is { } before)
        {
            events = events.Where(e => e.Id < before);
        }

        return await events.OrderByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        db.AuditEvents.Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
}
