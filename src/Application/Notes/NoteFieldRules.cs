using System.Text.RegularExpressions;
using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Notes;

namespace NakamuraMisaki.Application.Notes;

public static partial class NoteFieldRules
{
    /// <summary>Lower-case words such as general, code_changes, decisions (the old bot's categories, also file names).</summary>
    public static IRuleBuilderOptions<T, string?> NoteCategory<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(Note.CategoryMaxLength)
            .Matches(CategoryPattern())
            .WithMessage("'{PropertyName}' must be lower-case letters, digits, '_' or '-' (such as code_changes).");

    public static IRuleBuilderOptions<T, string?> NoteContent<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .NotBlank()
            .MaximumLength(Note.ContentMaxLength);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
