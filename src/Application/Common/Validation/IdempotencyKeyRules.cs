using System.Text.RegularExpressions;
using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

public static partial class IdempotencyKeyRules
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The Idempotency-Key header: 1-255 visible ASCII characters (a UUID is typical). Absent passes.</summary>
    public static IRuleBuilderOptions<T, string?> IdempotencyKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(key => key is null || (key.Length <= MaxLength && Pattern().IsMatch(key)))
            .WithMessage($"{Header} must be 1-{MaxLength} visible ASCII characters, such as a UUID.")
            .OverridePropertyName(Header);

    [GeneratedRegex(@"^[\x21-\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
