using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>
/// The legacy words of the coding agent's tasks.db ('pull_request', 'gitlab'), used in the database and in the API
/// alike: one table per enum.
/// </summary>
public static class AgentTaskNames
{
    public static readonly EnumWords<AgentTaskStatus> Status = new("agent task status",
        (AgentTaskStatus.Running, "running"),
        (AgentTaskStatus.Completed, "completed"),
        (AgentTaskStatus.Stopped, "stopped"),
        (AgentTaskStatus.Failed, "failed"));

    public static readonly EnumWords<AgentTaskSource> Source = new("task source",
        (AgentTaskSource.Github, "github"),
        (AgentTaskSource.Gitlab, "gitlab"));

    public static readonly EnumWords<AgentTaskType> Type = new("task type",
        (AgentTaskType.Issue, "issue"),
        (AgentTaskType.PullRequest, "pull_request"),
        (AgentTaskType.MergeRequest, "merge_request"));
}
