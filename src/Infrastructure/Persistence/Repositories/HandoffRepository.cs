using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Handoffs.Specifications;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class HandoffRepository(AppDbContext db) : IHandoffRepository
{
    public void Add(Handoff handoff) => db.Handoffs.Add(handoff);

    public Task<Handoff?> FindForUpdateAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        VisibleTo(db.Handoffs, viewer).FirstOrDefaultAsync(h => h.Id == id, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, string viewer, uint? expectedVersion, CancellationToken cancellationToken) =>
        await VisibleTo(db.Handoffs, viewer).Where(h => h.Id == id).WithVersion(expectedVersion)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<bool> ExistsAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        VisibleTo(db.Handoffs, viewer).AnyAsync(h => h.Id == id, cancellationToken);

    public Task<Handoff?> GetAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        VisibleTo(db.Handoffs.AsNoTracking(), viewer).FirstOrDefaultAsync(h => h.Id == id, cancellationToken);

    public Task<bool> TaskExistsAsync(Guid taskId, string viewer, CancellationToken cancellationToken) =>
        db.Tasks.VisibleTo(viewer).AnyAsync(t => t.Id == taskId, cancellationToken);

    public Task<Page<Handoff>> ListPendingForRecipientAsync(
        string toUserId, PageRequest page, string viewer, CancellationToken cancellationToken) =>
        PendingFor(toUserId, viewer).ToPageAsync(page, cancellationToken);

    public async Task<IReadOnlyList<Handoff>> TakePendingForRecipientAsync(
        string toUserId, int limit, string viewer, CancellationToken cancellationToken) =>
        await PendingFor(toUserId, viewer).Take(limit).ToListAsync(cancellationToken);

    public Task<Page<Handoff>> ListSentAsync(
        string fromUserId, bool includeCompleted, PageRequest page, string viewer, CancellationToken cancellationToken)
    {
        var sent = VisibleTo(db.Handoffs.AsNoTracking(), viewer).Where(h => h.FromUserId == fromUserId);
        if (!includeCompleted)
        {
            sent = sent.Where(HandoffSpecifications.Open);
        }

        return sent.OrderByDescending(h => h.HandoffAt).ThenByDescending(h => h.Id).ToPageAsync(page, cancellationToken);
    }

    /// <summary>Pending: not completed (accepted or not), earliest hand-over first.</summary>
    private IOrderedQueryable<Handoff> PendingFor(string toUserId, string viewer) =>
        VisibleTo(db.Handoffs.AsNoTracking(), viewer)
            .Where(HandoffSpecifications.Open).Where(h => h.ToUserId == toUserId)
            .OrderBy(h => h.HandoffAt).ThenBy(h => h.Id);

    /// <summary>A hand-off exists for its sender and its recipient only.</summary>
    private static IQueryable<Handoff> VisibleTo(IQueryable<Handoff> handoffs, string viewer) =>
        handoffs.Where(h => h.FromUserId == viewer || h.ToUserId == viewer);
}
