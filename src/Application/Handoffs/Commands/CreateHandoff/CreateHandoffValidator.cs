using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Handoffs.Commands.CreateHandoff;

public sealed class CreateHandoffValidator : AbstractValidator<CreateHandoff>
{
    public CreateHandoffValidator()
    {
        RuleFor(x => x.FromUserId).SlackUserId();
        RuleFor(x => x.ToUserId).SlackUserId()
            .NotEqual(x => x.FromUserId).WithMessage("'to_user_id' must be someone other than from_user_id.");
        RuleFor(x => x.ProgressNote).HandoffText();
        RuleFor(x => x.NextSteps).HandoffText();
        RuleFor(x => x.TaskId).NotEqual(Guid.Empty).WithMessage("'task_id' must be a task id, not the empty UUID.");
    }
}
