using System.Text.Json.Serialization;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Application.AgentTasks;

/// <summary>A coding-agent run as the API shows it. <see cref="Version"/> travels in the ETag header, not in the body.</summary>
public sealed record AgentTaskResponse(
    Guid Uuid,
    AgentTaskSource TaskSource,
    string Owner,
    string Repo,
    AgentTaskType TaskType,
    string TaskId,
    AgentTaskStatus Status,
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
    string? User,
    [property: JsonIgnore] uint Version) : IVersioned
{
    public static AgentTaskResponse From(AgentTask task) => new(
        task.Uuid, task.TaskSource, task.Owner, task.Repo, task.TaskType, task.TaskId, task.Status, task.CreatedAt,
        task.StartedAt, task.CompletedAt, task.ProcessId, task.Hostname, task.LlmProvider, task.Model, task.ContextLength,
        task.LlmCallCount, task.ToolCallCount, task.TotalTokens, task.CompressionCount, task.ErrorMessage, task.User,
        task.Version);
}
