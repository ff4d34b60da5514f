using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksByAssignee;

/// <summary>
/// The assignee's tasks that the acting user may see (all of them for their own list; for someone else's, the ones the
/// acting user created), optionally only some statuses (legacy names such as in_progress), by due date (none last).
/// </summary>
public sealed record ListTasksByAssignee(
    string? AssigneeUserId, IReadOnlyList<string> Statuses, PageRequest Page)
    : IRequest<Page<TaskResponse>>, IActingUserRequest;

public sealed class ListTasksByAssigneeHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ListTasksByAssignee, Page<TaskResponse>>
{
    public async ValueTask<Page<TaskResponse>> Handle(ListTasksByAssignee request, CancellationToken cancellationToken)
    {
        var page = await tasks.ListByAssigneeAsync(
            request.AssigneeUserId ?? user.ActingId(), request.Statuses.Select(TaskItemStatusNames.Words.Parse).ToHashSet(), request.Page,
            user.ActingId(), cancellationToken);
        return page.ToResponses(clock.GetUtcNow());
    }
}
