using System.Text.RegularExpressions;
using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

public static partial class SessionIdRules
{
    public const int MaxLength = 128;

    /// <summary>
    /// Session ids appear in URLs, so they are limited to letters, digits and <c>. _ : -</c>. The old ids were UUID
    /// strings, which fit.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SessionId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(MaxLength)
            .Matches(Pattern())
            .WithMessage("'{PropertyName}' must be letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
