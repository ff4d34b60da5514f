using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Queries.ListAgentTasks;

/// <summary>Runs, newest first, optionally only some statuses and/or one user's.</summary>
public sealed record ListAgentTasks(IReadOnlyList<string> Statuses, string? User, PageRequest Page)
    : IRequest<Page<AgentTaskResponse>>;

public sealed class ListAgentTasksHandler(IAgentTaskRepository tasks)
    : IRequestHandler<ListAgentTasks, Page<AgentTaskResponse>>
{
    public async ValueTask<Page<AgentTaskResponse>> Handle(ListAgentTasks request, CancellationToken cancellationToken)
    {
        var statuses = request.Statuses.Select(AgentTaskNames.Status.Parse).ToHashSet();
        var page = await tasks.ListAsync(statuses, request.User, request.Page, cancellationToken);
        return page.ToResponses();
    }
}
