using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Application.Common.Concurrency;

namespace NakamuraMisaki.Application.AgentTasks.Commands.DeleteAgentTask;

public sealed record DeleteAgentTask(Guid Uuid, uint? ExpectedVersion = null) : IRequest, IVersionedCommand, IAuditedCommand
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
