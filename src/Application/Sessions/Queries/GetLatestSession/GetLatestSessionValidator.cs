using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Queries.GetLatestSession;

public sealed class GetLatestSessionValidator : AbstractValidator<GetLatestSession>
{
    public GetLatestSessionValidator()
    {
        RuleFor(x => x.UserId).SlackUserId().OverridePropertyName("user");
    }
}
