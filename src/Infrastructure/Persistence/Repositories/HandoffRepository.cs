using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Handoffs;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class HandoffRepository(AppDbContext db) : IHandoffRepository
{
    public void Add(Handoff handoff) => db.Handoffs.Add(handoff);

    public Task<Handoff?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        db.Handoffs.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Handoffs.Where(h => h.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<Handoff?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);

    public Task<bool> TaskExistsAsync(Guid taskId, CancellationToken cancellationToken) =>
        db.Tasks.AnyAsync(t => t.Id == taskId, cancellationToken);

    public Task<Page<Handoff>> ListPendingForRecipientAsync(
        string toUserId, PageRequest page, CancellationToken cancellationToken) =>
        db.Handoffs.AsNoTracking()
            .Where(h => h.ToUserId == toUserId && h.CompletedAt == null)
            .OrderBy(h => h.HandoffAt).ThenBy(h => h.Id)
            .ToPageAsync(page, cancellationToken);

    public Task<Page<Handoff>> ListSentAsync(
        string fromUserId, bool includeCompleted, PageRequest page, CancellationToken cancellationToken)
    {
        var sent = db.Handoffs.AsNoTracking().Where(h => h.FromUserId == fromUserId);
        if (!includeCompleted)
        {
            sent = sent.Where(h => h.CompletedAt == null);
        }

        return sent.OrderByDescending(h => h.HandoffAt).ThenByDescending(h => h.Id).ToPageAsync(page, cancellationToken);
    }
}
