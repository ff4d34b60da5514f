using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks;

/// <summary>Tasks storage. Read methods return untracked entities; <see cref="FindForUpdateAsync"/> tracks.</summary>
public interface ITaskRepository
{
    void Add(TaskItem task);

    Task<TaskItem?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <param name="expectedVersion">When set, the task is deleted only while it is still at this version.</param>
    /// <returns>Whether a task was deleted.</returns>
    Task<bool> DeleteAsync(Guid id, uint? expectedVersion, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken);

    Task<TaskItem?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Ordered by due_at ascending (no due date last), then created_at.</summary>
    Task<Page<TaskItem>> ListByAssigneeAsync(
        string assigneeUserId, IReadOnlyCollection<TaskItemStatus> statuses, PageRequest page,
        CancellationToken cancellationToken);

    /// <summary>Open tasks of the assignee with from &lt;= due_at &lt; to, by due_at.</summary>
    Task<IReadOnlyList<TaskItem>> ListOpenDueBetweenAsync(
        string assigneeUserId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Open tasks with due_at &lt; now, oldest due first.</summary>
    Task<Page<TaskItem>> ListOverdueAsync(
        string? assigneeUserId, DateTimeOffset now, PageRequest page, CancellationToken cancellationToken);

    /// <summary>In-progress tasks not updated since <paramref name="updatedBefore"/>, least recently updated first.</summary>
    Task<Page<TaskItem>> ListStaleAsync(
        string? assigneeUserId, DateTimeOffset updatedBefore, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The user's tasks (as assignee or creator) whose title contains the fragment, open ones first.</summary>
    Task<IReadOnlyList<TaskItem>> FindByTitleAsync(
        string userId, string titleFragment, bool includeClosed, int limit, CancellationToken cancellationToken);
}
