using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Tasks;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <remarks>Lists and searches read through <see cref="StaleTolerantReads"/> (a standby when one is configured).</remarks>
public sealed class TaskRepository(AppDbContext db, StaleTolerantReads reads) : ITaskRepository
{
    public void Add(TaskItem task) => db.Tasks.Add(task);

    public Task<TaskItem?> FindForUpdateAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        CompiledTaskQueries.FindForUpdate(db, id, viewer, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, string viewer, uint? expectedVersion, CancellationToken cancellationToken) =>
        await db.Tasks.VisibleTo(viewer).Where(t => t.Id == id).WithVersion(expectedVersion).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<bool> ExistsAsync(Guid id, string viewer, CancellationToken cancellationToken) =>
        db.Tasks.VisibleTo(viewer).AnyAsync(t => t.Id == id, cancellationToken);

    public Task<Page<TaskItem>> ListByAssigneeAsync(
        string assigneeUserId, IReadOnlyCollection<TaskItemStatus> statuses, PageRequest page, string viewer,
        CancellationToken cancellationToken)
    {
        if (statuses.Count == 0)
        {
            return CompiledTaskQueries.ByAssignee(reads.Db, assigneeUserId, viewer, page.Offset, page.Limit).ToPageAsync(
                () => CompiledTaskQueries.CountByAssignee(reads.Db, assigneeUserId, viewer, cancellationToken), page, cancellationToken);
        }

        var wanted = statuses.ToArray();
        return CompiledTaskQueries.ByAssigneeAndStatus(reads.Db, assigneeUserId, viewer, wanted, page.Offset, page.Limit).ToPageAsync(
            () => CompiledTaskQueries.CountByAssigneeAndStatus(reads.Db, assigneeUserId, viewer, wanted, cancellationToken), page,
            cancellationToken);
    }

    public async Task<IReadOnlyList<TaskItem>> ListOpenDueBetweenAsync(
        string assigneeUserId, DateTimeOffset from, DateTimeOffset to, string viewer, CancellationToken cancellationToken) =>
        await reads.Db.Tasks.AsNoTracking().VisibleTo(viewer).Open()
            .Where(t => t.AssigneeUserId == assigneeUserId && t.DueAt >= from && t.DueAt < to)
            .OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TaskItem>> ListOpenDueBeforeAsync(
        string assigneeUserId, DateTimeOffset before, int limit, string viewer, CancellationToken cancellationToken) =>
        await reads.Db.Tasks.AsNoTracking().VisibleTo(viewer).Open()
            .Where(t => t.AssigneeUserId == assigneeUserId && t.DueAt < before)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public Task<Page<TaskItem>> ListOverdueAsync(
        string? assigneeUserId, DateTimeOffset now, PageRequest page, string viewer, CancellationToken cancellationToken) =>
        ForAssignee(reads.Db.Tasks.AsNoTracking().VisibleTo(viewer).OverdueAt(now), assigneeUserId)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .ToPageAsync(page, cancellationToken);

    public Task<Page<TaskItem>> ListStaleAsync(
        string? assigneeUserId, DateTimeOffset updatedBefore, PageRequest page, string viewer,
        CancellationToken cancellationToken) =>
        ForAssignee(reads.Db.Tasks.AsNoTracking().VisibleTo(viewer), assigneeUserId)
            .Where(t => t.Status == TaskItemStatus.InProgress && t.UpdatedAt < updatedBefore)
            .OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id)
            .ToPageAsync(page, cancellationToken);

    public async Task<IReadOnlyList<TaskItem>> FindByTitleAsync(
        string viewer, string titleFragment, bool includeClosed, int limit, CancellationToken cancellationToken)
    {
        var mine = reads.Db.Tasks.AsNoTracking().VisibleTo(viewer);
        if (!includeClosed)
        {
            mine = mine.Open();
        }

        // Substring match, not word match: Japanese titles have no spaces between words.
        var pattern = "%" + LikePattern.Escape(titleFragment) + "%";
        return await mine
            .Where(t => EF.Functions.ILike(t.Title, pattern, LikePattern.EscapeCharacter))
            .OpenFirst()
            .ThenBy(t => t.DueAt).ThenByDescending(t => t.UpdatedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<TaskItem> ForAssignee(IQueryable<TaskItem> tasks, string? assigneeUserId) =>
        assigneeUserId is null ? tasks : tasks.Where(t => t.AssigneeUserId == assigneeUserId);
}
