using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Tasks.Queries.ListStaleTasks;

/// <summary>In-progress tasks that nobody has updated for <see cref="Days"/> days.</summary>
public sealed record ListStaleTasks(int Days, string? AssigneeUserId, PageRequest Page)
    : IRequest<Page<TaskResponse>>, IActingUserRequest
{
    public const int DefaultDays = 3;
    public const int MaxDays = 3650;
}

public sealed class ListStaleTasksHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ListStaleTasks, Page<TaskResponse>>
{
    public async ValueTask<Page<TaskResponse>> Handle(ListStaleTasks request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var page = await tasks.ListStaleAsync(
            request.AssigneeUserId, now.AddDays(-request.Days), request.Page, user.ActingId(), cancellationToken);
        return page.ToResponses(now);
    }
}
