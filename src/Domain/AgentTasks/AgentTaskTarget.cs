namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>
/// What a run works on: one issue, pull request (GitHub) or merge request (GitLab) of one repository.
/// For GitLab, <see cref="Repo"/> holds the project id, as the coding agent stored it.
/// </summary>
public sealed record AgentTaskTarget(AgentTaskSource Source, string Owner, string Repo, AgentTaskType Type, string TaskId)
{
    /// <summary>A merge request is GitLab's word and a pull request GitHub's; each forge has issues.</summary>
    public static bool Allows(AgentTaskSource source, AgentTaskType type) => (source, type) switch
    {
        (_, AgentTaskType.Issue) => true,
        (AgentTaskSource.Github, AgentTaskType.PullRequest) => true,
        (AgentTaskSource.Gitlab, AgentTaskType.MergeRequest) => true,
        _ => false,
    };

    public override string ToString() =>
        $"{AgentTaskNames.Source.Name(Source)} {Owner}/{Repo} {AgentTaskNames.Type.Name(Type)} {TaskId}";
}
