using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Tasks.Queries.FindTasks;

/// <summary>
/// How the Slack side resolves "complete the 資料 task": by id when the text is one, otherwise by a title fragment
/// among the user's own tasks (assigned or created), open tasks first.
/// </summary>
public sealed record FindTasks(string Query, bool IncludeClosed, int Limit)
    : IRequest<IReadOnlyList<TaskResponse>>, IActingUserRequest;

/// <summary>The bounds of a task search (a class of its own, so the Api can name them without qualification).</summary>
public static class FindTasksLimits
{
    public const int DefaultLimit = 10;
    public const int MaxQueryLength = 200;
}

public sealed class FindTasksHandler(IUser user, ITaskRepository tasks, ITaskReader reader, TimeProvider clock)
    : IRequestHandler<FindTasks, IReadOnlyList<TaskResponse>>
{
    public async ValueTask<IReadOnlyList<TaskResponse>> Handle(FindTasks request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var query = request.Query.Trim();
        if (Guid.TryParse(query, out var id))
        {
            var task = await reader.GetAsync(id, user.ActingId(), cancellationToken);
            return task is null ? [] : [TaskResponse.From(task, now)];
        }

        var found = await tasks.FindByTitleAsync(
            user.ActingId(), query, request.IncludeClosed, request.Limit, cancellationToken);
        return found.ToResponses(now);
    }
}
