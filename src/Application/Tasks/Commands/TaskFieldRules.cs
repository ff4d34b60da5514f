using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Application.Tasks.Commands;

internal static class TaskFieldRules
{
    public const int DescriptionMaxLength = 10_000;

    public static IRuleBuilderOptions<T, string?> TaskTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(TaskItem.TitleMaxLength);

    public static IRuleBuilderOptions<T, string?> TaskDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DescriptionMaxLength);
}
