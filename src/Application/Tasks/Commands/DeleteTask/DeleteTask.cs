using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Tasks.Commands.DeleteTask;

public sealed record DeleteTask(Guid Id, uint? ExpectedVersion = null) : IRequest, IActingUserRequest;

public sealed class DeleteTaskHandler(IUser user, ITaskRepository tasks) : IRequestHandler<DeleteTask>
{
    public async ValueTask<Unit> Handle(DeleteTask request, CancellationToken cancellationToken)
    {
        if (await tasks.DeleteAsync(request.Id, user.ActingId(), request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        // Nothing deleted: either there is no such task, or it is no longer at the version the client named.
        throw request.ExpectedVersion is { } expected && await tasks.ExistsAsync(request.Id, user.ActingId(), cancellationToken)
            ? new StaleVersionException("Task", request.Id, expected)
            : new NotFoundException("Task", request.Id);
    }
}
