using FluentValidation;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Commands;

internal static class TaskFieldRules
{
    public const int DescriptionMaxLength = 10_000;

    public static IRuleBuilderOptions<T, string?> TaskTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Must(t => t is null || t.Trim().Length > 0).WithMessage("'{PropertyName}' must not be blank.")
            .MaximumLength(TaskItem.TitleMaxLength);

    public static IRuleBuilderOptions<T, string?> TaskDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DescriptionMaxLength);
}
