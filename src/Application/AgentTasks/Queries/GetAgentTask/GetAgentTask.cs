using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.AgentTasks.Queries.GetAgentTask;

public sealed record GetAgentTask(Guid Uuid) : IRequest<AgentTaskResponse>;

public sealed class GetAgentTaskHandler(IAgentTaskRepository tasks) : IRequestHandler<GetAgentTask, AgentTaskResponse>
{
    public async ValueTask<AgentTaskResponse> Handle(GetAgentTask request, CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(request.Uuid, cancellationToken)
                   ?? throw new NotFoundException("Agent task", request.Uuid);
        return AgentTaskResponse.From(task);
    }
}
