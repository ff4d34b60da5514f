using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks;

/// <summary>
/// Tasks storage. Read methods return untracked entities (one task by id: <see cref="ITaskReader"/>); <see cref="FindForUpdateAsync"/> tracks. Every method that
/// takes a viewer sees only tasks that user is assigned or created; the others do not exist for them.
/// </summary>
public interface ITaskRepository
{
    void Add(TaskItem task);

    Task<TaskItem?> FindForUpdateAsync(Guid id, string viewer, CancellationToken cancellationToken);

    /// <exception cref="Common.Concurrency.ConcurrentChangeException">
    /// A task changed since it was read; what was read is forgotten, so it can be read again and the change retried.
    /// </exception>
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <param name="expectedVersion">When set, the task is deleted only while it is still at this version.</param>
    /// <returns>Whether a task was deleted.</returns>
    Task<bool> DeleteAsync(Guid id, string viewer, uint? expectedVersion, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(Guid id, string viewer, CancellationToken cancellationToken);

    /// <summary>Ordered by due_at ascending (no due date last), then created_at.</summary>
    Task<Page<TaskItem>> ListByAssigneeAsync(
        string assigneeUserId, IReadOnlyCollection<TaskItemStatus> statuses, PageRequest page, string viewer,
        CancellationToken cancellationToken);

    /// <summary>Open tasks of the assignee with from &lt;= due_at &lt; to, by due_at.</summary>
    Task<IReadOnlyList<TaskItem>> ListOpenDueBetweenAsync(
        string assigneeUserId, DateTimeOffset from, DateTimeOffset to, string viewer, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> open tasks of the assignee with due_at &lt; <paramref name="before"/>, oldest due
    /// first, in one statement: what is overdue and what is due before the end of the user's day, for the context.
    /// </summary>
    Task<IReadOnlyList<TaskItem>> ListOpenDueBeforeAsync(
        string assigneeUserId, DateTimeOffset before, int limit, string viewer, CancellationToken cancellationToken);

    /// <summary>Open tasks with due_at &lt; now, oldest due first.</summary>
    Task<Page<TaskItem>> ListOverdueAsync(
        string? assigneeUserId, DateTimeOffset now, PageRequest page, string viewer, CancellationToken cancellationToken);

    /// <summary>In-progress tasks not updated since <paramref name="updatedBefore"/>, least recently updated first.</summary>
    Task<Page<TaskItem>> ListStaleAsync(
        string? assigneeUserId, DateTimeOffset updatedBefore, PageRequest page, string viewer,
        CancellationToken cancellationToken);

    /// <summary>The viewer's tasks whose title contains the fragment, open ones first.</summary>
    Task<IReadOnlyList<TaskItem>> FindByTitleAsync(
        string viewer, string titleFragment, bool includeClosed, int limit, CancellationToken cancellationToken);
}
