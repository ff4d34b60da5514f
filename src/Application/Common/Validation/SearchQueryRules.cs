using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

/// <summary>What a text search (notes, conversation history) accepts as its query.</summary>
public static class SearchQueryRules
{
    public const int MaxLength = 1_000;

    public static IRuleBuilderOptions<T, string> SearchQuery<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(MaxLength);
}
