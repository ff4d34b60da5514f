using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Commands.CreateTask;

/// <summary>The acting user creates the task (its creator) and may assign it to anyone, themselves included.</summary>
public sealed record CreateTask(
    string Title, string? Description, string AssigneeUserId, DateTimeOffset? DueAt)
    : IRequest<TaskResponse>, IActingUserRequest;

public sealed class CreateTaskHandler(IUser user, ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<CreateTask, TaskResponse>
{
    public async ValueTask<TaskResponse> Handle(CreateTask request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var task = TaskItem.Create(
            request.Title, request.Description, request.AssigneeUserId, user.ActingId(), request.DueAt, now);
        tasks.Add(task);
        await tasks.SaveChangesAsync(cancellationToken);
        return TaskResponse.From(task, now);
    }
}
