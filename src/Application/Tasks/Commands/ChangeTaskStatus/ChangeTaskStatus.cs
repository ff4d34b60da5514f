using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Concurrency;

namespace NakamuraMisaki.Application.Tasks.Commands.ChangeTaskStatus;

public enum TaskTransition
{
    Start,
    Complete,
    Cancel,
}

/// <summary>start / complete / cancel. The entity refuses illegal transitions (409).</summary>
public sealed record ChangeTaskStatus(Guid Id, TaskTransition Transition, uint? ExpectedVersion = null)
    : IRequest<TaskResponse>, IActingUserRequest, IVersionedCommand;

public sealed class ChangeTaskStatusHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ChangeTaskStatus, TaskResponse>
{
    public async ValueTask<TaskResponse> Handle(ChangeTaskStatus request, CancellationToken cancellationToken)
    {
        var task = await tasks.FindForUpdateAsync(request.Id, user.ActingId(), cancellationToken)
            .AtVersion(request.ExpectedVersion, "Task", request.Id);
        var now = clock.GetUtcNow();
        switch (request.Transition)
        {
            case TaskTransition.Start: task.Start(now); break;
            case TaskTransition.Complete: task.Complete(now); break;
            case TaskTransition.Cancel: task.Cancel(now); break;
            default: throw new ArgumentOutOfRangeException(nameof(request), request.Transition, null);
        }

        await tasks.SaveChangesAsync(cancellationToken);
        return TaskResponse.From(task, now);
    }
}
