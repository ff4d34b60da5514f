using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;

namespace NakamuraMisaki.Application.AgentTasks.Commands.DeleteAgentTask;

public sealed record DeleteAgentTask(Guid Uuid, uint? ExpectedVersion = null) : IRequest, IVersionedCommand;

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
