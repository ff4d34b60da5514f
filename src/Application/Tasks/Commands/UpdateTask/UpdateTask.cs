using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common;
using NakamuraMisaki.Application.Common.Concurrency;

namespace NakamuraMisaki.Application.Tasks.Commands.UpdateTask;

/// <summary>Changes only the fields that are present (JSON Merge Patch semantics).</summary>
public sealed record UpdateTask(
    Guid Id,
    Optional<string?> Title,
    Optional<string?> Description,
    Optional<DateTimeOffset?> DueAt,
    Optional<string?> AssigneeUserId,
    uint? ExpectedVersion = null) : IRequest<TaskResponse>, IActingUserRequest, IVersionedCommand;

public sealed class UpdateTaskHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<UpdateTask, TaskResponse>
{
    public async ValueTask<TaskResponse> Handle(UpdateTask request, CancellationToken cancellationToken)
    {
        var task = await tasks.FindForUpdateAsync(request.Id, user.ActingId(), cancellationToken)
            .AtVersion(request.ExpectedVersion, "Task", request.Id);
        var now = clock.GetUtcNow();

        // The validator guarantees that present Title and AssigneeUserId are non-null.
        if (request.Title.HasValue) task.Rename(request.Title.Value!, now);
        if (request.Description.HasValue) task.Describe(request.Description.Value, now);
        if (request.DueAt.HasValue) task.Reschedule(request.DueAt.Value, now);
        if (request.AssigneeUserId.HasValue) task.Reassign(request.AssigneeUserId.Value!, now);

        await tasks.SaveChangesAsync(cancellationToken);
        return TaskResponse.From(task, now);
    }
}
