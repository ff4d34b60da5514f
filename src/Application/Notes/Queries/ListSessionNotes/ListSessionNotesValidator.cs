using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Queries.ListSessionNotes;

public sealed class ListSessionNotesValidator : AbstractValidator<ListSessionNotes>
{
    public ListSessionNotesValidator()
    {
        RuleFor(x => x.SessionId).SessionId();
        this.ValidatePaging(x => x.Page);
    }
}
