namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>The process that runs (or resumes) an agent task, and the model it talks to.</summary>
public sealed record AgentTaskRunner(
    int? ProcessId, string? Hostname, string? LlmProvider, string? Model, int? ContextLength)
{
    /// <summary>The same OS process: a register call retried by the agent itself, not a second agent.</summary>
    public bool IsSameProcessAs(int? processId, string? hostname) =>
        ProcessId == processId && string.Equals(Hostname, hostname, StringComparison.Ordinal);
}
