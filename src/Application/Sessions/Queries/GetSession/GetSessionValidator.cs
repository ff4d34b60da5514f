using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Queries.GetSession;

public sealed class GetSessionValidator : AbstractValidator<GetSession>
{
    public GetSessionValidator()
    {
        RuleFor(x => x.SessionId).SessionId();
    }
}
