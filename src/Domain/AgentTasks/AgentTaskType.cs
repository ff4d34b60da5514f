namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>What the agent works on. Pull requests exist on GitHub, merge requests on GitLab; issues on both.</summary>
public enum AgentTaskType
{
    Issue,
    PullRequest,
    MergeRequest,
}
