using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.AgentTasks;

/// <summary>
/// The legacy words of the coding agent's tasks.db ('pull_request', 'gitlab'), used in the database and in the API
/// alike. Spelt out rather than derived from member names, so renaming an enum member cannot change stored data.
/// </summary>
public static class AgentTaskNames
{
    public static string ToName(AgentTaskStatus status) => status switch
    {
        AgentTaskStatus.Running => "running",
        AgentTaskStatus.Completed => "completed",
        AgentTaskStatus.Stopped => "stopped",
        AgentTaskStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToName(AgentTaskSource source) => source switch
    {
        AgentTaskSource.Github => "github",
        AgentTaskSource.Gitlab => "gitlab",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static string ToName(AgentTaskType type) => type switch
    {
        AgentTaskType.Issue => "issue",
        AgentTaskType.PullRequest => "pull_request",
        AgentTaskType.MergeRequest => "merge_request",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseStatus(string? name, out AgentTaskStatus status) => TryParse(name, ToName, out status);

    public static bool TryParseSource(string? name, out AgentTaskSource source) => TryParse(name, ToName, out source);

    public static AgentTaskStatus ParseStatus(string name) =>
        TryParseStatus(name, out var status) ? status : throw new FormatException($"'{name}' is not an agent task status.");

    public static AgentTaskSource ParseSource(string name) =>
        TryParseSource(name, out var source) ? source : throw new FormatException($"'{name}' is not a task source.");

    public static AgentTaskType ParseType(string name) =>
        TryParse(name, ToName, out AgentTaskType type) ? type : throw new FormatException($"'{name}' is not a task type.");

    /// <summary>Every word of <typeparamref name="TEnum"/>, for messages and check constraints.</summary>
    public static IReadOnlyList<string> All<TEnum>(Func<TEnum, string> toName) where TEnum : struct, Enum =>
        EnumNames.All(toName);

    private static bool TryParse<TEnum>(string? name, Func<TEnum, string> toName, out TEnum value)
        where TEnum : struct, Enum => EnumNames.TryParse(name, toName, out value);
}
