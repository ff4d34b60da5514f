using System.Linq.Expressions;

namespace NakamuraMisaki.Domain.Tasks.Specifications;

/// <summary>
/// The task rules that queries share, each written once as an expression (ardalis's Specifications): EF Core
/// translates them, compiled queries inline them (Infrastructure's SpecificationExpander), and the entity runs the
/// same expression compiled. Hand-written SQL is tested against them: TaskReader's against <see cref="VisibleTo"/>,
/// TaskSpecificationSql (the open-task index filter) against <see cref="Open"/>.
/// </summary>
public static class TaskSpecifications
{
    /// <summary>A task exists for its assignee and its creator only; for anyone else it does not exist.</summary>
    public static readonly Expression<Func<TaskItem, string, bool>> VisibleTo =
        (task, viewer) => task.AssigneeUserId == viewer || task.CreatorUserId == viewer;

    /// <summary>The statuses of a task still to be done: neither completed nor cancelled.</summary>
    public static readonly IReadOnlyList<TaskItemStatus> OpenStatuses = [TaskItemStatus.Pending, TaskItemStatus.InProgress];

    /// <summary>
    /// Open: in one of <see cref="OpenStatuses"/>. Built as <c>status == Pending || status == InProgress</c> with
    /// constants, so the SQL EF Core writes names the words and the planner can match the open-task partial index.
    /// </summary>
    public static readonly Expression<Func<TaskItem, bool>> Open = StatusIsOneOf(OpenStatuses);

    /// <summary>Overdue: due, open, and its due instant strictly past.</summary>
    public static readonly Expression<Func<TaskItem, DateTimeOffset, bool>> OverdueAt =
        (task, now) => task.DueAt < now && task.IsOpen;

    private static readonly Func<TaskItem, string, bool> IsVisibleToCompiled = VisibleTo.Compile();
    private static readonly Func<TaskItem, bool> IsOpenCompiled = Open.Compile();
    private static readonly Func<TaskItem, DateTimeOffset, bool> IsOverdueAtCompiled = OverdueAt.Compile();

    /// <summary>
    /// <see cref="VisibleTo"/> in memory. Inside a query expression a call to it stands for the rule, which
    /// SpecificationExpander puts in its place before EF Core sees it.
    /// </summary>
    public static bool IsVisibleTo(this TaskItem task, string viewer) => IsVisibleToCompiled(task, viewer);

    internal static bool IsOpen(TaskItem task) => IsOpenCompiled(task);

    internal static bool IsOverdueAt(TaskItem task, DateTimeOffset now) => IsOverdueAtCompiled(task, now);

    private static Expression<Func<TaskItem, bool>> StatusIsOneOf(IEnumerable<TaskItemStatus> statuses)
    {
        var task = Expression.Parameter(typeof(TaskItem), "task");
        var status = Expression.Property(task, nameof(TaskItem.Status));
        var body = statuses
            .Select(s => (Expression)Expression.Equal(status, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<TaskItem, bool>>(body, task);
    }
}
