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
        RuleFor(x => x.Mode)
            .Must(m => SearchModes.Words.TryParse(m, out _))
            .WithMessage($"'mode' must be one of {SearchModes.Words.Listed()}.")
            .When(x => x.Mode is not null)
            .OverridePropertyName("mode");
        // NaN fails both bounds, so it is refused too.
        RuleFor(x => x.MinScore).InclusiveBetween(0, 1).When(x => x.MinScore is not null).OverridePropertyName("min_score");
    }
}
