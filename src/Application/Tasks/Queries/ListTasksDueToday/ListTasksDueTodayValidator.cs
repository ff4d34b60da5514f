using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Queries.ListTasksDueToday;

public sealed class ListTasksDueTodayValidator : AbstractValidator<ListTasksDueToday>
{
    public ListTasksDueTodayValidator()
    {
        RuleFor(x => x.AssigneeUserId).SlackUserId().OverridePropertyName("assignee");
        RuleFor(x => x.TimeZone).IanaTimeZone().OverridePropertyName("tz");
    }
}
