using System.Runtime.CompilerServices;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <summary>
/// Rebuilds a stored <see cref="TaskItem"/> the way EF Core does, through its private constructor and setters, so the
/// domain needs no public "restore" factory that would bypass its rules. Compiled to direct calls (no reflection).
/// </summary>
internal static class TaskItemAccessor
{
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    public static extern TaskItem Create();

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(TaskItem task, Guid value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Title")]
    public static extern void SetTitle(TaskItem task, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Description")]
    public static extern void SetDescription(TaskItem task, string? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_AssigneeUserId")]
    public static extern void SetAssigneeUserId(TaskItem task, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_CreatorUserId")]
    public static extern void SetCreatorUserId(TaskItem task, string value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Status")]
    public static extern void SetStatus(TaskItem task, TaskItemStatus value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_DueAt")]
    public static extern void SetDueAt(TaskItem task, DateTimeOffset? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_CreatedAt")]
    public static extern void SetCreatedAt(TaskItem task, DateTimeOffset value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_UpdatedAt")]
    public static extern void SetUpdatedAt(TaskItem task, DateTimeOffset value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_CompletedAt")]
    public static extern void SetCompletedAt(TaskItem task, DateTimeOffset? value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Version")]
    public static extern void SetVersion(TaskItem task, uint value);
}
