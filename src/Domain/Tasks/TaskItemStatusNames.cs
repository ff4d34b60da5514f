using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Tasks;

/// <summary>The legacy words for task statuses ('in_progress'), in the database and in the API alike.</summary>
public static class TaskItemStatusNames
{
    public static readonly EnumWords<TaskItemStatus> Words = new("task status",
        (TaskItemStatus.Pending, "pending"),
        (TaskItemStatus.InProgress, "in_progress"),
        (TaskItemStatus.Completed, "completed"),
        (TaskItemStatus.Cancelled, "cancelled"));
}
