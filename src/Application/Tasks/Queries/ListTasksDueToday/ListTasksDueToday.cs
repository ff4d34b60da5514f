using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

/// <summary>
/// The assignee's open tasks due during the current local day of <see cref="TimeZone"/> (IANA id). The day is the
/// user's, not the server's: at 08:00 in Tokyo it is still yesterday in UTC.
/// </summary>
public sealed record ListTasksDueToday(string? AssigneeUserId, string TimeZone)
    : IRequest<IReadOnlyList<TaskResponse>>, IActingUserRequest;

public sealed class ListTasksDueTodayHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ListTasksDueToday, IReadOnlyList<TaskResponse>>
{
    public async ValueTask<IReadOnlyList<TaskResponse>> Handle(
        ListTasksDueToday request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (start, end) = LocalDay.Containing(now, TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone));
        var due = await tasks.ListOpenDueBetweenAsync(request.AssigneeUserId ?? user.ActingId(), start, end, user.ActingId(), cancellationToken);
        return due.ToResponses(now);
    }
}
