using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Tasks.Queries.GetTask;

public sealed record GetTask(Guid Id) : IRequest<TaskResponse>, IActingUserRequest;

public sealed class GetTaskHandler(IUser user, ITaskReader tasks, TimeProvider clock) : IRequestHandler<GetTask, TaskResponse>
{
    public async ValueTask<TaskResponse> Handle(GetTask request, CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(request.Id, user.ActingId(), cancellationToken) ?? throw new NotFoundException("Task", request.Id);
        return TaskResponse.From(task, clock.GetUtcNow());
    }
}
