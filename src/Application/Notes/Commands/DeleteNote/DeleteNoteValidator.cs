using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Commands.DeleteNote;

public sealed class DeleteNoteValidator : AbstractValidator<DeleteNote>
{
    public DeleteNoteValidator()
    {
        RuleFor(x => x.UserId).SlackUserId().OverridePropertyName("user");
    }
}
