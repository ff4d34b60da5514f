using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.AgentTasks;

/// <summary>
/// A row of the coding agent's <c>tasks.db</c> in the domain's own terms: what the run worked on, its status, the
/// process and model that ran it, and what it counted. Checked already: the source allows the type, and every text
/// fits its column.
/// </summary>
public sealed record LegacyAgentTask(
    Guid Uuid,
    AgentTaskTarget Target,
    AgentTaskStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    AgentTaskRunner Runner,
    long LlmCallCount,
    long ToolCallCount,
    long TotalTokens,
    long CompressionCount,
    string? ErrorMessage,
    string? User) : ILegacyRecord
{
    public string Key => Uuid.ToString();
}
