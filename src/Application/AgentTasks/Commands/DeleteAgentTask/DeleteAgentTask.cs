using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Application.Common.Exceptions;

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

        // Nothing deleted: either there is no such run, or it is no longer at the version the client named.
        throw request.ExpectedVersion is { } expected && await tasks.ExistsAsync(request.Uuid, cancellationToken)
            ? new StaleVersionException("Agent task", request.Uuid, expected)
            : new NotFoundException("Agent task", request.Uuid);
    }
}
