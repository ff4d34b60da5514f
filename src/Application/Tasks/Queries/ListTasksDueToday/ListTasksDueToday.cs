using Mediator;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

/// <summary>
/// The assignee's open tasks due during the current local day of <see cref="TimeZone"/> (IANA id). The day is the
/// user's, not the server's: at 08:00 in Tokyo it is still yesterday in UTC.
/// </summary>
public sealed record ListTasksDueToday(string AssigneeUserId, string TimeZone) : IRequest<IReadOnlyList<TaskResponse>>;

public sealed class ListTasksDueTodayHandler(ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ListTasksDueToday, IReadOnlyList<TaskResponse>>
{
    public async ValueTask<IReadOnlyList<TaskResponse>> Handle(
        ListTasksDueToday request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (start, end) = LocalDay.Containing(now, TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone));
        var due = await tasks.ListOpenDueBetweenAsync(request.AssigneeUserId, start, end, cancellationToken);
        return due.ToResponses(now);
    }
}
