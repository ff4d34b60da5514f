using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Security;

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

        throw await VersionCheck.NothingDeletedAsync(request.ExpectedVersion,
            () => tasks.ExistsAsync(request.Id, request.ActingUserId, cancellationToken), "Task", request.Id);
    }
}
