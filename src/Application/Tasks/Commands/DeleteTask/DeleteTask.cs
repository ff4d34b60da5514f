using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Tasks.Commands.DeleteTask;

public sealed record DeleteTask(Guid Id, uint? ExpectedVersion = null)
    : IRequest, IActingUserRequest, IVersionedCommand, IAuditedCommand
{
    public string AuditOperation => AuditOperations.DeleteTask;

    public string? AuditResourceId => Id.ToString();
}

public sealed class DeleteTaskHandler(IUser user, ITaskRepository tasks) : IRequestHandler<DeleteTask>
{
    public async ValueTask<Unit> Handle(DeleteTask request, CancellationToken cancellationToken)
    {
        if (await tasks.DeleteAsync(request.Id, user.ActingId(), request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        throw await VersionCheck.NothingDeletedAsync(request.ExpectedVersion,
            () => tasks.ExistsAsync(request.Id, user.ActingId(), cancellationToken), "Task", request.Id);
    }
}
