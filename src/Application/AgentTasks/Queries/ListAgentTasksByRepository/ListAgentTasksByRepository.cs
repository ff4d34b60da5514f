using Mediator;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Queries.ListAgentTasksByRepository;

/// <summary>The runs on one repository (for GitLab, <c>repo</c> is the project id), newest first.</summary>
public sealed record ListAgentTasksByRepository(string? TaskSource, string? Owner, string? Repo, PageRequest Page)
    : IRequest<Page<AgentTaskResponse>>;

public sealed class ListAgentTasksByRepositoryHandler(IAgentTaskRepository tasks)
    : IRequestHandler<ListAgentTasksByRepository, Page<AgentTaskResponse>>
{
    public async ValueTask<Page<AgentTaskResponse>> Handle(ListAgentTasksByRepository request, CancellationToken cancellationToken)
    {
        // The validator guarantees a known source and present owner and repo.
        var page = await tasks.ListByRepositoryAsync(
            AgentTaskNames.Source.Parse(request.TaskSource!), request.Owner!, request.Repo!, request.Page, cancellationToken);
        return page.ToResponses();
    }
}
