using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Commands.CreateTask;

public sealed class CreateTaskValidator : AbstractValidator<CreateTask>
{
    public CreateTaskValidator()
    {
        RuleFor(x => x.Title).TaskTitle();
        RuleFor(x => x.Description).TaskDescription();
        RuleFor(x => x.AssigneeUserId).SlackUserId();
    }
}
