using FluentValidation;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Handoffs.Commands.CreateHandoff;

public sealed class CreateHandoffValidator : AbstractValidator<CreateHandoff>
{
    public CreateHandoffValidator(IUser user)
    {
        // The sender is the acting user, checked by the validation step for every acting-user request.
        RuleFor(x => x.ToUserId).SlackUserId()
            .NotEqual(_ => user.Id).WithMessage("'to_user_id' must be someone other than the sender (the acting user).");
        RuleFor(x => x.ProgressNote).HandoffText();
        RuleFor(x => x.NextSteps).HandoffText();
        RuleFor(x => x.TaskId).NotEqual(Guid.Empty).WithMessage("'task_id' must be a task id, not the empty UUID.");
    }
}
