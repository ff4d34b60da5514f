using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Tasks.Commands.DeleteTask;

/// <param name="ExpectedVersion">If-Match: the delete is one statement guarded by it (412 when stale). No retry marker
/// (IVersionedCommand): nothing is read before the write, so there is no lost race to retry.</param>
public sealed record DeleteTask(Guid Id, uint? ExpectedVersion = null)
    : IRequest, IActingUserRequest, IAuditedCommand
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
