using System.Text.Json.Serialization;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks;

/// <summary>A task as the API shows it. <see cref="Version"/> travels in the ETag header, not in the body.</summary>
public sealed record TaskResponse(
    Guid Id,
    string Title,
    string? Description,
    string AssigneeUserId,
    string CreatorUserId,
    TaskItemStatus Status,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    bool IsOverdue,
    [property: JsonIgnore] uint Version) : IVersioned
{
    public static TaskResponse From(TaskItem task, DateTimeOffset now) => new(
        task.Id, task.Title, task.Description, task.AssigneeUserId, task.CreatorUserId, task.Status, task.DueAt,
        task.CreatedAt, task.UpdatedAt, task.CompletedAt, task.IsOverdueAt(now), task.Version);
}
