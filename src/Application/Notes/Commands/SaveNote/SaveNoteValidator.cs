using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Commands.SaveNote;

public sealed class SaveNoteValidator : AbstractValidator<SaveNote>
{
    public SaveNoteValidator()
    {
        RuleFor(x => x.UserId).SlackUserId();
        RuleFor(x => x.Content).NoteContent();
        RuleFor(x => x.Category).NoteCategory().When(x => x.Category is not null);
        RuleFor(x => x.SessionId).SessionId().When(x => x.SessionId is not null);
    }
}
