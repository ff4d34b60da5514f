using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Handoffs.Commands;

internal static class HandoffFieldRules
{
    /// <summary>Both texts go into one Slack message, whose text Slack cuts at 40,000 characters.</summary>
    public const int TextMaxLength = 10_000;

    public static IRuleBuilderOptions<T, string?> HandoffText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(TextMaxLength);
}
