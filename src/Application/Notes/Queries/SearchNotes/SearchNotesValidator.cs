using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Notes.Queries.SearchNotes;

public sealed class SearchNotesValidator : AbstractValidator<SearchNotes>
{
    public SearchNotesValidator()
    {
        RuleFor(x => x.Query).SearchQuery().OverridePropertyName("q");
        RuleFor(x => x.Limit).InclusiveBetween(1, SearchNotesLimits.MaxLimit).OverridePropertyName("limit");
        RuleFor(x => x.Category).NoteCategory().When(x => x.Category is not null);
    }
}
