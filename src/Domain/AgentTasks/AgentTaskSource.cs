namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>
/// Where the issue or merge request lives. Spelt Github/Gitlab (not GitHub/GitLab) so that the snake_case words in
/// JSON and in the database are the legacy 'github' and 'gitlab', not 'git_hub'.
/// </summary>
public enum AgentTaskSource
{
    Github,
    Gitlab,
}
