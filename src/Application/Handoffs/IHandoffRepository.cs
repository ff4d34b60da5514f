using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Application.Handoffs;

/// <summary>
/// Hand-off storage. Read methods return untracked entities; <see cref="FindForUpdateAsync"/> tracks. Every method that
/// takes a viewer sees only hand-offs that user sent or receives; the others do not exist for them.
/// </summary>
public interface IHandoffRepository
{
    void Add(Handoff handoff);

    Task<Handoff?> FindForUpdateAsync(Guid id, string viewer, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <param name="expectedVersion">When set, the hand-off is deleted only while it is still at this version.</param>
    /// <returns>Whether a hand-off was deleted.</returns>
    Task<bool> DeleteAsync(Guid id, string viewer, uint? expectedVersion, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid id, string viewer, CancellationToken cancellationToken);

    Task<Handoff?> GetAsync(Guid id, string viewer, CancellationToken cancellationToken);

    /// <summary>Whether the task exists for the viewer (its assignee or creator), so a hand-off may link it.</summary>
    Task<bool> TaskExistsAsync(Guid taskId, string viewer, CancellationToken cancellationToken);

    /// <summary>The recipient's hand-offs that are not completed, earliest hand-over first.</summary>
    Task<Page<Handoff>> ListPendingForRecipientAsync(
        string toUserId, PageRequest page, string viewer, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="limit"/> of <see cref="ListPendingForRecipientAsync"/>, without a count: one statement.</summary>
    Task<IReadOnlyList<Handoff>> TakePendingForRecipientAsync(
        string toUserId, int limit, string viewer, CancellationToken cancellationToken);

    /// <summary>What the sender handed off, latest hand-over first; completed ones only when asked for.</summary>
    Task<Page<Handoff>> ListSentAsync(
        string fromUserId, bool includeCompleted, PageRequest page, string viewer, CancellationToken cancellationToken);
}
