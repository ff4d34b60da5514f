using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.AgentTasks;

namespace NakamuraMisaki.Application.AgentTasks.Commands.ChangeAgentTaskStatus;

public sealed class ChangeAgentTaskStatusValidator : AbstractValidator<ChangeAgentTaskStatus>
{
    public ChangeAgentTaskStatusValidator()
    {
        RuleFor(x => x.Status).NotNull()
            .NotEqual(AgentTaskStatus.Running)
            .WithMessage("A run becomes running by registering it (POST /api/v1/agent-tasks), which records its process; " +
                         "'status' here is completed, stopped or failed.");
        RuleFor(x => x.ErrorMessage)
            .NotEmpty().WithMessage("A failed run needs an 'error_message' saying why.")
            .NotBlank("error_message")
            .MaximumLength(AgentTaskFieldRules.ErrorMessageMaxLength)
            .When(x => x.Status == AgentTaskStatus.Failed);
        RuleFor(x => x.ErrorMessage)
            .Null().WithMessage("'error_message' is recorded only when the status is failed.")
            .When(x => x.Status is not null and not AgentTaskStatus.Failed);
    }
}
