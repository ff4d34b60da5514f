using NakamuraMisaki.Domain.Tasks.Specifications;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Tasks;

/// <summary>A task of the team. Named TaskItem so it never collides with System.Threading.Tasks.Task.</summary>
public sealed class TaskItem : IVersioned
{
    public const int TitleMaxLength = 200;

    private TaskItem()
    {
        Title = AssigneeUserId = CreatorUserId = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public string AssigneeUserId { get; private set; }
    public string CreatorUserId { get; private set; }
    public TaskItemStatus Status { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => TaskSpecifications.IsOpen(this);

    public static TaskItem Create(
        string title, string? description, string assigneeUserId, string creatorUserId, DateTimeOffset? dueAt,
        DateTimeOffset now)
    {
        var created = Timestamps.Normalize(now);
        var task = new TaskItem
        {
            Id = Guid.CreateVersion7(created),
            Status = TaskItemStatus.Pending,
            AssigneeUserId = assigneeUserId,
            CreatorUserId = creatorUserId,
            CreatedAt = created,
            UpdatedAt = created,
        };
        task.Rename(title);
        task.Description = description;
        task.DueAt = Timestamps.Normalize(dueAt);
        return task;
    }

    public void Rename(string title, DateTimeOffset? now = null)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > TitleMaxLength)
        {
            throw new ArgumentException($"A task title has 1 to {TitleMaxLength} characters.", nameof(title));
        }

        Title = title;
        Touch(now);
    }

    public void Describe(string? description, DateTimeOffset now)
    {
        Description = description;
        Touch(now);
    }

    public void Reschedule(DateTimeOffset? dueAt, DateTimeOffset now)
    {
        DueAt = Timestamps.Normalize(dueAt);
        Touch(now);
    }

    public void Reassign(string assigneeUserId, DateTimeOffset now)
    {
        AssigneeUserId = assigneeUserId;
        Touch(now);
    }

    public void Start(DateTimeOffset now)
    {
        if (Status != TaskItemStatus.Pending)
        {
            throw new DomainRuleViolationException($"Only a pending task can be started; this one is {StatusName(Status)}.");
        }

        Status = TaskItemStatus.InProgress;
        Touch(now);
    }

    public void Complete(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainRuleViolationException($"A {StatusName(Status)} task cannot be completed.");
        }

        Status = TaskItemStatus.Completed;
        Touch(now);
        CompletedAt = UpdatedAt;
    }

    public void Cancel(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainRuleViolationException($"A {StatusName(Status)} task cannot be cancelled.");
        }

        Status = TaskItemStatus.Cancelled;
        Touch(now);
    }

    /// <summary><see cref="TaskSpecifications.OverdueAt"/>; inside a query it stands for that rule.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => TaskSpecifications.IsOverdueAt(this, now);

    private void Touch(DateTimeOffset? now)
    {
        if (now is { } n)
        {
            UpdatedAt = Timestamps.Normalize(n);
        }
    }

    private static string StatusName(TaskItemStatus status) => TaskItemStatusNames.Words.Name(status);
}
