using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Queries;

internal static class TaskPages
{
    public static Page<TaskResponse> ToResponses(this Page<TaskItem> page, DateTimeOffset now) =>
        new(page.Items.ToResponses(now), page.Total, page.Limit, page.Offset);

    public static IReadOnlyList<TaskResponse> ToResponses(this IReadOnlyList<TaskItem> tasks, DateTimeOffset now) =>
        tasks.Select(t => TaskResponse.From(t, now)).ToArray();
}
