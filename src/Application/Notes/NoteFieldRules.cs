using System.Text.RegularExpressions;
using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.Application.Notes;

public static partial class NoteFieldRules
{
    public const int QueryMaxLength = 1_000;

    /// <summary>Lower-case words such as general, code_changes, decisions (the old bot's categories, also file names).</summary>
    public static IRuleBuilderOptions<T, string?> NoteCategory<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(Note.CategoryMaxLength)
            .Must(c => CategoryPattern().IsMatch(c!))
            .WithMessage("'{PropertyName}' must be lower-case letters, digits, '_' or '-' (such as code_changes).");

    public static IRuleBuilderOptions<T, string?> NoteContent<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(Note.ContentMaxLength);

    /// <summary>
    /// A search query: something to search for (a letter or digit; a character outside the BMP, such as 𠮷, counts),
    /// as text a person can type: no control characters (NUL), no unpaired surrogate, no U+FFFD (what the URL decoder
    /// makes of bytes that are not UTF-8).
    /// </summary>
    public static IRuleBuilderOptions<T, string> SearchQuery<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(QueryMaxLength)
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

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
