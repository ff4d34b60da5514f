using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Messages.Queries.ListSessionMessages;

public sealed class ListSessionMessagesValidator : AbstractValidator<ListSessionMessages>
{
    public ListSessionMessagesValidator()
    {
        RuleFor(x => x.SessionId).SessionId();
        RuleFor(x => x.AfterSeq).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Limit).InclusiveBetween(1, ListSessionMessages.MaxLimit);
        RuleFor(x => x.Last).InclusiveBetween(1, ListSessionMessages.MaxLimit)
            .Must((x, _) => x.AfterSeq is null && x.Limit is null)
            .WithMessage("'last' reads the end of the history: it goes without 'after_seq' and 'limit'.")
            .When(x => x.Last is not null);
    }
}
