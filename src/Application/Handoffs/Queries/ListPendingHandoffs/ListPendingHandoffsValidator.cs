using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Handoffs.Queries.ListPendingHandoffs;

public sealed class ListPendingHandoffsValidator : AbstractValidator<ListPendingHandoffs>
{
    public ListPendingHandoffsValidator()
    {
        RuleFor(x => x.ToUserId).SlackUserId().OverridePropertyName("recipient").When(x => x.ToUserId is not null);
        this.ValidatePaging(x => x.Page);
    }
}
