using System.Linq.Expressions;

namespace NakamuraMisaki.Domain.Tasks.Specifications;

/// <summary>
/// The task rules that queries share, each written once as an expression (ardalis's Specifications): EF Core
/// translates them, compiled queries inline them (Infrastructure's SpecificationExpander), and the entity runs the
/// same expression compiled. TaskReader's hand-written SQL is tested against <see cref="VisibleTo"/>.
/// </summary>
public static class TaskSpecifications
{
    /// <summary>A task exists for its assignee and its creator only; for anyone else it does not exist.</summary>
    public static readonly Expression<Func<TaskItem, string, bool>> VisibleTo =
        (task, viewer) => task.AssigneeUserId == viewer || task.CreatorUserId == viewer;

    /// <summary>Open: still to be done (pending or in progress), neither completed nor cancelled.</summary>
    public static readonly Expression<Func<TaskItem, bool>> Open =
        task => task.Status == TaskItemStatus.Pending || task.Status == TaskItemStatus.InProgress;

    private static readonly Func<TaskItem, string, bool> IsVisibleToCompiled = VisibleTo.Compile();
    private static readonly Func<TaskItem, bool> IsOpenCompiled = Open.Compile();

    /// <summary>
    /// <see cref="VisibleTo"/> in memory. Inside a query expression a call to it stands for the rule, which
    /// SpecificationExpander puts in its place before EF Core sees it.
    /// </summary>
    public static bool IsVisibleTo(this TaskItem task, string viewer) => IsVisibleToCompiled(task, viewer);

    internal static bool IsOpen(TaskItem task) => IsOpenCompiled(task);
}
