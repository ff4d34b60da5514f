using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Queries.ListOverdueTasks;

public sealed class ListOverdueTasksValidator : AbstractValidator<ListOverdueTasks>
{
    public ListOverdueTasksValidator()
    {
        RuleFor(x => x.AssigneeUserId).SlackUserId().OverridePropertyName("assignee").When(x => x.AssigneeUserId is not null);
        this.ValidatePaging(x => x.Page);
    }
}
