using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class TaskRepository(AppDbContext db) : ITaskRepository
{
    public void Add(TaskItem task) => db.Tasks.Add(task);

    public Task<TaskItem?> FindForUpdateAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        CompiledTaskQueries.FindForUpdate(db, id, viewer, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, string viewer, uint? expectedVersion, CancellationToken cancellationToken) =>
        await VisibleTo(db.Tasks, viewer).Where(t => t.Id == id).WithVersion(expectedVersion).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<bool> ExistsAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        VisibleTo(db.Tasks, viewer).AnyAsync(t => t.Id == id, cancellationToken);

    public Task<Page<TaskItem>> ListByAssigneeAsync(
        string assigneeUserId, IReadOnlyCollection<TaskItemStatus> statuses, PageRequest page, string viewer,
        CancellationToken cancellationToken)
    {
        if (statuses.Count == 0)
        {
            return CompiledTaskQueries.ByAssignee(db, assigneeUserId, viewer, page.Offset, page.Limit).ToPageAsync(
                () => CompiledTaskQueries.CountByAssignee(db, assigneeUserId, viewer, cancellationToken), page, cancellationToken);
        }

        var wanted = statuses.ToArray();
        return CompiledTaskQueries.ByAssigneeAndStatus(db, assigneeUserId, viewer, wanted, page.Offset, page.Limit).ToPageAsync(
            () => CompiledTaskQueries.CountByAssigneeAndStatus(db, assigneeUserId, viewer, wanted, cancellationToken), page,
            cancellationToken);
    }

    public async Task<IReadOnlyList<TaskItem>> ListOpenDueBetweenAsync(
        string assigneeUserId, DateTimeOffset from, DateTimeOffset to, string viewer, CancellationToken cancellationToken) =>
        await Open(VisibleTo(db.Tasks.AsNoTracking(), viewer))
            .Where(t => t.AssigneeUserId == assigneeUserId && t.DueAt >= from && t.DueAt < to)
            .OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken);

    public Task<Page<TaskItem>> ListOverdueAsync(
        string? assigneeUserId, DateTimeOffset now, PageRequest page, string viewer, CancellationToken cancellationToken) =>
        ForAssignee(Open(VisibleTo(db.Tasks.AsNoTracking(), viewer)), assigneeUserId)
            .Where(t => t.DueAt < now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .ToPageAsync(page, cancellationToken);

    public Task<Page<TaskItem>> ListStaleAsync(
        string? assigneeUserId, DateTimeOffset updatedBefore, PageRequest page, string viewer,
        CancellationToken cancellationToken) =>
        ForAssignee(VisibleTo(db.Tasks.AsNoTracking(), viewer), assigneeUserId)
            .Where(t => t.Status == TaskItemStatus.InProgress && t.UpdatedAt < updatedBefore)
            .OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id)
            .ToPageAsync(page, cancellationToken);

    public async Task<IReadOnlyList<TaskItem>> FindByTitleAsync(
        string viewer, string titleFragment, bool includeClosed, int limit, CancellationToken cancellationToken)
    {
        var mine = VisibleTo(db.Tasks.AsNoTracking(), viewer);
        if (!includeClosed)
        {
            mine = Open(mine);
        }

        // Substring match, not word match: Japanese titles have no spaces between words.
        var pattern = "%" + LikePattern.Escape(titleFragment) + "%";
        return await mine
            .Where(t => EF.Functions.ILike(t.Title, pattern, LikePattern.EscapeCharacter))
            .OrderBy(t => t.Status == TaskItemStatus.Completed || t.Status == TaskItemStatus.Cancelled)
            .ThenBy(t => t.DueAt).ThenByDescending(t => t.UpdatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A task exists for its assignee and its creator only (hand-offs link only tasks their sender sees).</summary>
    internal static IQueryable<TaskItem> VisibleTo(IQueryable<TaskItem> tasks, string viewer) =>
        tasks.Where(t => t.AssigneeUserId == viewer || t.CreatorUserId == viewer);

    private static IQueryable<TaskItem> Open(IQueryable<TaskItem> tasks) =>
        tasks.Where(t => t.Status == TaskItemStatus.Pending || t.Status == TaskItemStatus.InProgress);

    private static IQueryable<TaskItem> ForAssignee(IQueryable<TaskItem> tasks, string? assigneeUserId) =>
        assigneeUserId is null ? tasks : tasks.Where(t => t.AssigneeUserId == assigneeUserId);
}
