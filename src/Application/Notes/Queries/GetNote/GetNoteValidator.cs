using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Queries.GetNote;

public sealed class GetNoteValidator : AbstractValidator<GetNote>
{
    public GetNoteValidator()
    {
        RuleFor(x => x.UserId).SlackUserId().OverridePropertyName("user");
    }
}
