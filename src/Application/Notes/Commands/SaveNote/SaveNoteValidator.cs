using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Commands.SaveNote;

public sealed class SaveNoteValidator : AbstractValidator<SaveNote>
{
    public SaveNoteValidator()
    {
        // The owner is the acting user, checked by the validation step for every acting-user request.
        RuleFor(x => x.Content).NoteContent();
        RuleFor(x => x.Category).NoteCategory().When(x => x.Category is not null);
        RuleFor(x => x.SessionId).SessionId().When(x => x.SessionId is not null);
    }
}
