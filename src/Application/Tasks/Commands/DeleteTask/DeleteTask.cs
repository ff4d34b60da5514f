using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Tasks.Commands.DeleteTask;

public sealed record DeleteTask(Guid Id) : IRequest;

public sealed class DeleteTaskHandler(ITaskRepository tasks) : IRequestHandler<DeleteTask>
{
    public async ValueTask<Unit> Handle(DeleteTask request, CancellationToken cancellationToken)
    {
        if (!await tasks.DeleteAsync(request.Id, cancellationToken))
        {
            throw new NotFoundException("Task", request.Id);
        }

        return Unit.Value;
    }
}
