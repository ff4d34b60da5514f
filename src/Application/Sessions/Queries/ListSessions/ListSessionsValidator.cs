using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Queries.ListSessions;

public sealed class ListSessionsValidator : AbstractValidator<ListSessions>
{
    public ListSessionsValidator()
    {
        RuleFor(x => x.UserId).SlackUserId().OverridePropertyName("user");
        this.ValidatePaging(x => x.Page);
    }
}
