using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Tasks.Queries.ListOverdueTasks;

/// <summary>Open tasks past their due time that the acting user may see, optionally one assignee's; most overdue first.</summary>
public sealed record ListOverdueTasks(string? AssigneeUserId, PageRequest Page)
    : IRequest<Page<TaskResponse>>, IActingUserRequest;

public sealed class ListOverdueTasksHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ListOverdueTasks, Page<TaskResponse>>
{
    public async ValueTask<Page<TaskResponse>> Handle(ListOverdueTasks request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = await tasks.ListOverdueAsync(request.AssigneeUserId, now, request.Page, user.ActingId(), cancellationToken);
        return page.ToResponses(now);
    }
}
