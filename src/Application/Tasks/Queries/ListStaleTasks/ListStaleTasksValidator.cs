using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Queries.ListStaleTasks;

public sealed class ListStaleTasksValidator : AbstractValidator<ListStaleTasks>
{
    public ListStaleTasksValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, ListStaleTasks.MaxDays).OverridePropertyName("days");
        RuleFor(x => x.AssigneeUserId).SlackUserId().OverridePropertyName("assignee").When(x => x.AssigneeUserId is not null);
        this.ValidatePaging(x => x.Page);
    }
}
