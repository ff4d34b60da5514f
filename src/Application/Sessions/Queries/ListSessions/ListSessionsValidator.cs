using FluentValidation;
using NakamuraMisaki.Application.Common.Paging;

namespace NakamuraMisaki.Application.Sessions.Queries.ListSessions;

public sealed class ListSessionsValidator : AbstractValidator<ListSessions>
{
    public ListSessionsValidator()
    {
        this.ValidatePaging(x => x.Page);
    }
}
