namespace NakamuraMisaki.Domain.Tasks;

/// <summary>The legacy words for statuses ('in_progress'), used in the database and in the API alike.</summary>
public static class TaskItemStatusNames
{
    // Enum.GetValues allocates a new array per call, and TryParse runs for every task row read.
    private static readonly TaskItemStatus[] Statuses = Enum.GetValues<TaskItemStatus>();

    public static string ToName(TaskItemStatus status) => status switch
    {
        TaskItemStatus.Pending => "pending",
        TaskItemStatus.InProgress => "in_progress",
        TaskItemStatus.Completed => "completed",
        TaskItemStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? name, out TaskItemStatus status)
    {
        foreach (var candidate in Statuses)
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static TaskItemStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new FormatException($"'{name}' is not a task status.");
}
