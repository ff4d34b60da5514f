using System.Text.RegularExpressions;
using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

public static partial class SlackUserIdRules
{
    public const int MaxLength = 64;

    /// <summary>The pattern as text, for the OpenAPI document.</summary>
    public const string PatternText = "^[A-Z0-9]+$";

    /// <summary>Slack user ids: U… for workspace users, W… for Enterprise Grid users; upper-case letters and digits.</summary>
    public static IRuleBuilderOptions<T, string?> SlackUserId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(MaxLength)
            .Matches(Pattern())
            .WithMessage("'{PropertyName}' must be a Slack user id such as U01ABC123 (upper-case letters and digits).");

    /// <summary>
    /// The same rule as <see cref="SlackUserId{T}"/> as a plain test, so the validation step's common case (a valid
    /// acting user on every request) builds none of FluentValidation's per-call objects. SlackUserIdRulesTests holds
    /// the two to the same answers.
    /// </summary>
    public static bool IsSlackUserId(string? value) => value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
