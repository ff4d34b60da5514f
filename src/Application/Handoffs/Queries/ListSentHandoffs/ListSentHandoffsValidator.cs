using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Handoffs.Queries.ListSentHandoffs;

public sealed class ListSentHandoffsValidator : AbstractValidator<ListSentHandoffs>
{
    public ListSentHandoffsValidator()
    {
        RuleFor(x => x.FromUserId).SlackUserId().OverridePropertyName("sender").When(x => x.FromUserId is not null);
        this.ValidatePaging(x => x.Page);
    }
}
