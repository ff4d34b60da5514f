using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

/// <summary>The one "must not be blank" rule: text that is empty or only white space says nothing.</summary>
public static class NotBlankRules
{
    /// <summary>
    /// Refuses empty or white-space text. Null passes: whether a value is required is NotEmpty's or NotNull's say.
    /// </summary>
    /// <param name="field">How the message names the field; default: its display name.</param>
    /// <param name="advice">Appended to the message, e.g. "; leave it out instead".</param>
    public static IRuleBuilderOptions<T, TText> NotBlank<T, TText>(
        this IRuleBuilder<T, TText> rule, string field = "{PropertyName}", string advice = "") =>
        rule.Must(value => value is not string text || text.Trim().Length > 0)
            .WithMessage($"'{field}' must not be blank{advice}.");
}
