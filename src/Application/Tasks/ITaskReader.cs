using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks;

/// <summary>
/// One task by id, the hottest read (GET /api/v1/tasks/{id}). Apart from <see cref="ITaskRepository"/> so that it
/// needs no unit of work: an implementation can be a singleton that borrows no DbContext per request.
/// </summary>
public interface ITaskReader
{
    /// <returns>The task, untracked, or null when it does not exist or <paramref name="viewer"/> may not see it.</returns>
    Task<TaskItem?> GetAsync(Guid id, string viewer, CancellationToken cancellationToken);
}
