using Mediator;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Commands.ChangeAgentTaskStatus;

/// <summary>
/// Ends a running run: completed, stopped, or failed (with its error message). Running again is reached only by
/// registering the run, which records the new process. The entity refuses illegal transitions (409).
/// </summary>
public sealed record ChangeAgentTaskStatus(
    Guid Uuid, AgentTaskStatus? Status, string? ErrorMessage = null, uint? ExpectedVersion = null)
    : IRequest<AgentTaskResponse>, IVersionedCommand;

public sealed class ChangeAgentTaskStatusHandler(IAgentTaskRepository tasks, TimeProvider clock)
    : IRequestHandler<ChangeAgentTaskStatus, AgentTaskResponse>
{
    public async ValueTask<AgentTaskResponse> Handle(ChangeAgentTaskStatus request, CancellationToken cancellationToken)
    {
        var task = await tasks.FindForUpdateAsync(request.Uuid, cancellationToken)
            .AtVersion(request.ExpectedVersion, "Agent task", request.Uuid);
        var now = clock.GetUtcNow();
        switch (request.Status)
        {
            case AgentTaskStatus.Completed: task.Complete(now); break;
            case AgentTaskStatus.Stopped: task.Stop(now); break;
            case AgentTaskStatus.Failed: task.Fail(request.ErrorMessage!, now); break; // the validator requires it
            default: throw new ArgumentOutOfRangeException(nameof(request), request.Status, "The validator admits only terminal statuses.");
        }

        await tasks.SaveChangesAsync(cancellationToken);
        return AgentTaskResponse.From(task);
    }
}
