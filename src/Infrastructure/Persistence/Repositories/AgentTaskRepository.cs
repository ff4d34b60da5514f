using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.AgentTasks;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Infrastructure.Persistence.Concurrency;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class AgentTaskRepository(AppDbContext db) : IAgentTaskRepository
{
    public void Add(AgentTask task) => db.AgentTasks.Add(task);

    public Task<AgentTask?> FindForUpdateAsync(Guid uuid, CancellationToken cancellationToken) =>
        db.AgentTasks.FirstOrDefaultAsync(t => t.Uuid == uuid, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public Task<AgentTask?> GetAsync(Guid uuid, CancellationToken cancellationToken) =>
        db.AgentTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Uuid == uuid, cancellationToken);

    public Task<bool> ExistsAsync(Guid uuid, CancellationToken cancellationToken) =>
        db.AgentTasks.AnyAsync(t => t.Uuid == uuid, cancellationToken);

    public async Task<bool> AddStatisticsAsync(
        Guid uuid, AgentTaskStatisticsDelta delta, CancellationToken cancellationToken) =>
        // UPDATE agent_tasks SET llm_call_count = llm_call_count + @d, ... WHERE uuid = @uuid: the row lock taken by
        // the UPDATE serialises concurrent calls, and each adds to the value the previous one committed.
        await db.AgentTasks.Where(t => t.Uuid == uuid).ExecuteUpdateAsync(set => set
                .SetProperty(t => t.LlmCallCount, t => t.LlmCallCount + delta.LlmCalls)
                .SetProperty(t => t.ToolCallCount, t => t.ToolCallCount + delta.ToolCalls)
                .SetProperty(t => t.TotalTokens, t => t.TotalTokens + delta.Tokens)
                .SetProperty(t => t.CompressionCount, t => t.CompressionCount + delta.Compressions),
            cancellationToken) > 0;

    public async Task<bool> DeleteAsync(Guid uuid, uint? expectedVersion, CancellationToken cancellationToken) =>
        await db.AgentTasks.Where(t => t.Uuid == uuid).WithVersion(expectedVersion).ExecuteDeleteAsync(cancellationToken) > 0;

    public Task<Page<AgentTask>> ListAsync(
        IReadOnlyCollection<AgentTaskStatus> statuses, string? user, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.AgentTasks.AsNoTracking();
        if (statuses.Count > 0)
        {
            query = query.Where(t => statuses.Contains(t.Status));
        }

        if (user is not null)
        {
            query = query.Where(t => t.User == user);
        }

        return NewestFirst(query).ToPageAsync(page, cancellationToken);
    }

    public Task<Page<AgentTask>> ListByRepositoryAsync(
        AgentTaskSource source, string owner, string repo, PageRequest page, CancellationToken cancellationToken) =>
        NewestFirst(db.AgentTasks.AsNoTracking()
                .Where(t => t.TaskSource == source && t.Owner == owner && t.Repo == repo))
            .ToPageAsync(page, cancellationToken);

    // uuid breaks ties between runs created in the same microsecond, so pages never overlap or skip.
    private static IOrderedQueryable<AgentTask> NewestFirst(IQueryable<AgentTask> query) =>
        query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Uuid);
}
