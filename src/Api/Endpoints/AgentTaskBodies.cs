using NakamuraMisaki.Application.AgentTasks.Commands.ChangeAgentTaskStatus;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>PATCH /api/v1/agent-tasks/{uuid}: the status to end the run with (error_message only with failed).</summary>
public sealed record UpdateAgentTaskStatusBody(AgentTaskStatus? Status, string? ErrorMessage = null)
{
    internal ChangeAgentTaskStatus ToCommand(Guid uuid, uint? expectedVersion) => new(uuid, Status, ErrorMessage, expectedVersion);
}

/// <summary>POST /api/v1/agent-tasks/{uuid}/fail.</summary>
public sealed record FailAgentTaskBody(string? ErrorMessage)
{
    internal ChangeAgentTaskStatus ToCommand(Guid uuid, uint? expectedVersion) =>
        new(uuid, AgentTaskStatus.Failed, ErrorMessage, expectedVersion);
}

/// <summary>POST /api/v1/agent-tasks/{uuid}/statistics: amounts to add; a field left out adds nothing.</summary>
public sealed record AddAgentTaskStatisticsBody(long LlmCalls = 0, long ToolCalls = 0, long Tokens = 0, long Compressions = 0);
