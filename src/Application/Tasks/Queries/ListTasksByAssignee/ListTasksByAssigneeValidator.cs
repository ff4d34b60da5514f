using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksByAssignee;

public sealed class ListTasksByAssigneeValidator : AbstractValidator<ListTasksByAssignee>
{
    public ListTasksByAssigneeValidator()
    {
        // Omitted: the acting user, whom the validation step checks.
        RuleFor(x => x.AssigneeUserId).SlackUserId().OverridePropertyName("assignee").When(x => x.AssigneeUserId is not null);
        RuleFor(x => x.Statuses)
            .Must(statuses => statuses.All(s => TaskItemStatusNames.Words.TryParse(s, out _)))
            .WithMessage(x => $"'{string.Join("', '", x.Statuses.Where(s => !TaskItemStatusNames.Words.TryParse(s, out _)))}' " +
                              $"is not a status; use {TaskItemStatusNames.Words.Listed()}.")
            .OverridePropertyName("status");
        this.ValidatePaging(x => x.Page);
    }
}
