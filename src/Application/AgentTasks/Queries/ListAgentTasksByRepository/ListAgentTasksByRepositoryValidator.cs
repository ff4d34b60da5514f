using FluentValidation;
using NakamuraMisaki.Application.AgentTasks.Commands;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.AgentTasks.Queries.ListAgentTasksByRepository;

public sealed class ListAgentTasksByRepositoryValidator : AbstractValidator<ListAgentTasksByRepository>
{
    public ListAgentTasksByRepositoryValidator()
    {
        RuleFor(x => x.TaskSource).KnownTaskSource();
        RuleFor(x => x.Owner).RequiredText(AgentTaskFieldRules.OwnerMaxLength);
        RuleFor(x => x.Repo).RequiredText(AgentTaskFieldRules.RepoMaxLength);
        this.ValidatePaging(x => x.Page);
    }
}
