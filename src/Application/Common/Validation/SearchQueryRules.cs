using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

/// <summary>What a text search (notes, conversation history) accepts as its query.</summary>
public static class SearchQueryRules
{
    public const int MaxLength = 1_000;

    /// <summary>
    /// Something to search for (a letter or digit; a character outside the BMP, such as 𠮷, counts), as text a person
    /// can type: no control characters (NUL), no unpaired surrogate, no U+FFFD (what the URL decoder makes of bytes
    /// that are not UTF-8).
    /// </summary>
    public static IRuleBuilderOptions<T, string> SearchQuery<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(MaxLength)
            .Must(IsTypedText).WithMessage("'{PropertyName}' must be text without control characters, unpaired surrogates or invalid UTF-8.")
            .Must(q => q.Any(c => char.IsLetterOrDigit(c) || char.IsSurrogate(c)))
            .WithMessage("'{PropertyName}' must contain a letter or digit (not only punctuation).");

    private static bool IsTypedText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }
}
