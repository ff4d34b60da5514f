namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>running → completed | stopped | failed; a stopped run can be resumed (running again).</summary>
public enum AgentTaskStatus
{
    Running,
    Completed,
    Stopped,
    Failed,
}
