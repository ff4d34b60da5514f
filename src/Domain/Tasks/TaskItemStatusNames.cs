using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Tasks;

/// <summary>
/// The legacy words for statuses ('in_progress'), used in the database and in the API alike: <see cref="ToName"/> is
/// the table; parsing, messages and the SQL check constraint derive from it (<see cref="EnumNames"/>).
/// </summary>
public static class TaskItemStatusNames
{
    /// <summary>Every word, in declaration order (for messages).</summary>
    public static readonly IReadOnlyList<string> All = EnumNames.All<TaskItemStatus>(ToName);

    public static string ToName(TaskItemStatus status) => status switch
    {
        TaskItemStatus.Pending => "pending",
        TaskItemStatus.InProgress => "in_progress",
        TaskItemStatus.Completed => "completed",
        TaskItemStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? name, out TaskItemStatus status) => EnumNames.TryParse(name, ToName, out status);

    public static TaskItemStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"'{name}' is not a task status.");
}
