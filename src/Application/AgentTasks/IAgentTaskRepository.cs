using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks;

/// <summary>Agent task storage. Read methods return untracked entities; <see cref="FindForUpdateAsync"/> tracks.</summary>
public interface IAgentTaskRepository
{
    void Add(AgentTask task);

    Task<AgentTask?> FindForUpdateAsync(Guid uuid, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);

    Task<AgentTask?> GetAsync(Guid uuid, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid uuid, CancellationToken cancellationToken);

    /// <summary>
    /// Adds to the counters in one set-based UPDATE (<c>SET x = x + @delta</c>), so concurrent calls never lose an
    /// increment: the database serialises the row updates, no value is read and written back.
    /// </summary>
    /// <returns>Whether the task exists.</returns>
    Task<bool> AddStatisticsAsync(Guid uuid, AgentTaskStatisticsDelta delta, CancellationToken cancellationToken);

    /// <param name="expectedVersion">When set, the task is deleted only while it is still at this version.</param>
    /// <returns>Whether a task was deleted.</returns>
    Task<bool> DeleteAsync(Guid uuid, uint? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Newest first (created_at descending). Empty <paramref name="statuses"/> and null user: no filter.</summary>
    Task<Page<AgentTask>> ListAsync(
        IReadOnlyCollection<AgentTaskStatus> statuses, string? user, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The runs on one repository, newest first.</summary>
    Task<Page<AgentTask>> ListByRepositoryAsync(
        AgentTaskSource source, string owner, string repo, PageRequest page, CancellationToken cancellationToken);
}
