using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.AgentTasks;

/// <summary>A row of the coding agent's <c>tasks.db</c>, as it will be stored in <c>agent_tasks</c>.</summary>
/// <remarks>Source, type and status are the legacy words ('github', 'pull_request', 'running'), already checked.</remarks>
public sealed record LegacyAgentTask(
    Guid Uuid,
    string TaskSource,
    string Owner,
    string Repo,
    string TaskType,
    string TaskId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    int? ProcessId,
    string? Hostname,
    string? LlmProvider,
    string? Model,
    int? ContextLength,
    long LlmCallCount,
    long ToolCallCount,
    long TotalTokens,
    long CompressionCount,
    string? ErrorMessage,
    string? User) : ILegacyRecord
{
    public string Key => Uuid.ToString();
}
