using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Domain.Tasks.Specifications;

namespace NakamuraMisaki.Infrastructure.Persistence.Specifications;

/// <summary>The Domain's task specifications as query operators, for every repository that reads tasks.</summary>
internal static class TaskQueryRules
{
    public static IQueryable<TaskItem> VisibleTo(this IQueryable<TaskItem> tasks, string viewer) =>
        tasks.Where(SpecificationExpander.Expand<Func<TaskItem, bool>>(t => t.IsVisibleTo(viewer)));

    public static IQueryable<TaskItem> Open(this IQueryable<TaskItem> tasks) => tasks.Where(TaskSpecifications.Open);

    public static IQueryable<TaskItem> OverdueAt(this IQueryable<TaskItem> tasks, DateTimeOffset now) =>
        tasks.Where(SpecificationExpander.Expand<Func<TaskItem, bool>>(t => t.IsOverdueAt(now)));

    /// <summary>Open tasks first (false sorts before true).</summary>
    public static IOrderedQueryable<TaskItem> OpenFirst(this IQueryable<TaskItem> tasks) =>
        tasks.OrderBy(SpecificationExpander.Expand<Func<TaskItem, bool>>(t => !t.IsOpen));
}
