using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Application.Handoffs;

/// <summary>Hand-off storage. Read methods return untracked entities; <see cref="FindForUpdateAsync"/> tracks.</summary>
public interface IHandoffRepository
{
    void Add(Handoff handoff);

    Task<Handoff?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <returns>Whether a hand-off was deleted.</returns>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken);

    Task<Handoff?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> TaskExistsAsync(Guid taskId, CancellationToken cancellationToken);

    /// <summary>The recipient's hand-offs that are not completed, earliest hand-over first.</summary>
    Task<Page<Handoff>> ListPendingForRecipientAsync(
        string toUserId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>What the sender handed off, latest hand-over first; completed ones only when asked for.</summary>
    Task<Page<Handoff>> ListSentAsync(
        string fromUserId, bool includeCompleted, PageRequest page, CancellationToken cancellationToken);
}
