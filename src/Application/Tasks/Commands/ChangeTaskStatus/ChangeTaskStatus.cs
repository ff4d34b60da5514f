using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Tasks.Commands.ChangeTaskStatus;

public enum TaskTransition
{
    Start,
    Complete,
    Cancel,
}

/// <summary>start / complete / cancel. The entity refuses illegal transitions (409).</summary>
public sealed record ChangeTaskStatus(Guid Id, TaskTransition Transition, uint? ExpectedVersion = null)
    : IRequest<TaskResponse>, IActingUserRequest;

public sealed class ChangeTaskStatusHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ChangeTaskStatus, TaskResponse>
{
    public ValueTask<TaskResponse> Handle(ChangeTaskStatus request, CancellationToken cancellationToken) =>
        ConcurrentChangeRetry.RunAsync(request.ExpectedVersion, async () =>
        {
            var task = await tasks.FindForUpdateAsync(request.Id, user.ActingId(), cancellationToken)
                       ?? throw new NotFoundException("Task", request.Id);
            task.EnsureVersion(request.ExpectedVersion, "Task", request.Id);
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
        });
}
