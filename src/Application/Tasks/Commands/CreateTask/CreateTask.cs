using Mediator;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Commands.CreateTask;

public sealed record CreateTask(
    string Title, string? Description, string AssigneeUserId, string CreatorUserId, DateTimeOffset? DueAt)
    : IRequest<TaskResponse>;

public sealed class CreateTaskHandler(ITaskRepository tasks, TimeProvider clock)
    : IRequestHandler<CreateTask, TaskResponse>
{
    public async ValueTask<TaskResponse> Handle(CreateTask request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var task = TaskItem.Create(
            request.Title, request.Description, request.AssigneeUserId, request.CreatorUserId, request.DueAt, now);
        tasks.Add(task);
        await tasks.SaveChangesAsync(cancellationToken);
        return TaskResponse.From(task, now);
    }
}
