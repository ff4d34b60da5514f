using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Queries.ListUserNotes;

public sealed class ListUserNotesValidator : AbstractValidator<ListUserNotes>
{
    public ListUserNotesValidator()
    {
        RuleFor(x => x.Category).NoteCategory().When(x => x.Category is not null);
        this.ValidatePaging(x => x.Page);
    }
}
