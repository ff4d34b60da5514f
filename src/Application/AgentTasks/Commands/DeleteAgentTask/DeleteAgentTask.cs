using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Concurrency;

namespace NakamuraMisaki.Application.AgentTasks.Commands.DeleteAgentTask;

/// <param name="ExpectedVersion">If-Match: the delete is one statement guarded by it (412 when stale). No retry marker
/// (IVersionedCommand): nothing is read before the write, so there is no lost race to retry.</param>
public sealed record DeleteAgentTask(Guid Uuid, uint? ExpectedVersion = null) : IRequest, IAuditedCommand
{
    public string AuditOperation => AuditOperations.DeleteAgentTask;

    public string? AuditResourceId => Uuid.ToString();
}

public sealed class DeleteAgentTaskHandler(IAgentTaskRepository tasks) : IRequestHandler<DeleteAgentTask>
{
    public async ValueTask<Unit> Handle(DeleteAgentTask request, CancellationToken cancellationToken)
    {
        if (await tasks.DeleteAsync(request.Uuid, request.ExpectedVersion, cancellationToken))
        {
            return Unit.Value;
        }

        throw await VersionCheck.NothingDeletedAsync(request.ExpectedVersion,
            () => tasks.ExistsAsync(request.Uuid, cancellationToken), "Agent task", request.Uuid);
    }
}
