using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Commands.TouchSession;

public sealed class TouchSessionValidator : AbstractValidator<TouchSession>
{
    public TouchSessionValidator()
    {
        RuleFor(x => x.SessionId).SessionId();
        RuleFor(x => x.Messages).InclusiveBetween(0, TouchSession.MaxMessages).OverridePropertyName("messages");
    }
}
