using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Queries;

internal static class AgentTaskPages
{
    public static Page<AgentTaskResponse> ToResponses(this Page<AgentTask> page) =>
        new(page.Items.Select(AgentTaskResponse.From).ToArray(), page.Total, page.Limit, page.Offset);
}
