using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

public sealed class ListTasksDueTodayValidator : AbstractValidator<ListTasksDueToday>
{
    public ListTasksDueTodayValidator()
    {
        // Omitted: the acting user, whom the validation step checks.
        RuleFor(x => x.AssigneeUserId).SlackUserId().OverridePropertyName("assignee").When(x => x.AssigneeUserId is not null);
        RuleFor(x => x.TimeZone).IanaTimeZone().OverridePropertyName("tz");
    }
}
