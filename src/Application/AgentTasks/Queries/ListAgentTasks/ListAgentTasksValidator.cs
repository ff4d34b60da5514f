using FluentValidation;
using NakamuraMisaki.Application.AgentTasks.Commands;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.AgentTasks.Queries.ListAgentTasks;

public sealed class ListAgentTasksValidator : AbstractValidator<ListAgentTasks>
{
    public ListAgentTasksValidator()
    {
        RuleFor(x => x.Statuses).KnownStatuses().OverridePropertyName("status");
        RuleFor(x => x.User).OptionalText(AgentTaskFieldRules.UserMaxLength).OverridePropertyName("user");
        this.ValidatePaging(x => x.Page);
    }
}
