namespace NakamuraMisaki.Domain.Tasks;

public enum TaskItemStatus
{
    Pending,
    InProgress,
    Completed,
    Cancelled,
}
