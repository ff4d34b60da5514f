using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Tasks.Commands.DeleteTask;

public sealed record DeleteTask(Guid Id, string ActingUserId, uint? ExpectedVersion = null)
    : IRequest, IActingUserRequest, IVersionedCommand;

public sealed class DeleteTaskHandler(ITaskRepository tasks) : IRequestHandler<DeleteTask>
{
    public async ValueTask<Unit> Handle(DeleteTask request, CancellationToken cancellationToken)
    {
        if (await tasks.DeleteAsync(request.Id, request.ActingUserId, request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        // Nothing deleted: either there is no such task, or it is no longer at the version the client named.
        throw request.ExpectedVersion is { } expected && await tasks.ExistsAsync(request.Id, request.ActingUserId, cancellationToken)
            ? new StaleVersionException("Task", request.Id, expected)
            : new NotFoundException("Task", request.Id);
    }
}
