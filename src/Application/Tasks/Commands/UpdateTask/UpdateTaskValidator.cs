using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Tasks.Commands.UpdateTask;

public sealed class UpdateTaskValidator : AbstractValidator<UpdateTask>
{
    public UpdateTaskValidator()
    {
        RuleFor(x => x.Title.Value).TaskTitle().OverridePropertyName("Title").When(x => x.Title.HasValue);
        RuleFor(x => x.Description.Value).TaskDescription().OverridePropertyName("Description");
        RuleFor(x => x.AssigneeUserId.Value).SlackUserId().OverridePropertyName("AssigneeUserId")
            .When(x => x.AssigneeUserId.HasValue);
        RuleFor(x => x)
            .Must(x => x.Title.HasValue || x.Description.HasValue || x.DueAt.HasValue || x.AssigneeUserId.HasValue)
            .OverridePropertyName("body")
            .WithMessage("Give at least one of title, description, due_at, assignee_user_id.");
    }
}
