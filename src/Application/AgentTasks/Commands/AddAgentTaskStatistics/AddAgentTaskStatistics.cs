using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.AgentTasks.Commands.AddAgentTaskStatistics;

/// <summary>
/// Adds to the counters of a run, whatever its status (a last report may arrive after the run ended). Never
/// overwrites: each field is an amount to add, and parallel calls all count. Takes no If-Match: increments commute,
/// so there is no lost update to guard against.
/// </summary>
public sealed record AddAgentTaskStatistics(
    Guid Uuid, long LlmCalls = 0, long ToolCalls = 0, long Tokens = 0, long Compressions = 0) : IRequest;

public sealed class AddAgentTaskStatisticsHandler(IAgentTaskRepository tasks) : IRequestHandler<AddAgentTaskStatistics>
{
    public async ValueTask<Unit> Handle(AddAgentTaskStatistics request, CancellationToken cancellationToken)
    {
        var delta = new AgentTaskStatisticsDelta(request.LlmCalls, request.ToolCalls, request.Tokens, request.Compressions);
        if (!await tasks.AddStatisticsAsync(request.Uuid, delta, cancellationToken))
        {
            throw new NotFoundException("Agent task", request.Uuid);
        }

        return Unit.Value;
    }
}
