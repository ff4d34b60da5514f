using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksByAssignee;

/// <summary>The assignee's tasks, optionally only some statuses (legacy names such as in_progress), by due date (none last) then creation.</summary>
public sealed record ListTasksByAssignee(
    string AssigneeUserId, IReadOnlyList<string> Statuses, PageRequest Page)
    : IRequest<Page<TaskResponse>>;

public sealed class ListTasksByAssigneeHandler(ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ListTasksByAssignee, Page<TaskResponse>>
{
    public async ValueTask<Page<TaskResponse>> Handle(ListTasksByAssignee request, CancellationToken cancellationToken)
    {
        var page = await tasks.ListByAssigneeAsync(
            request.AssigneeUserId, request.Statuses.Select(TaskItemStatusNames.Parse).ToHashSet(), request.Page,
            cancellationToken);
        return page.ToResponses(clock.GetUtcNow());
    }
}
