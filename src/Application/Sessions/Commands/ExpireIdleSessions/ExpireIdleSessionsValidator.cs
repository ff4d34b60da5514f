using FluentValidation;

namespace NakamuraMisaki.Application.Sessions.Commands.ExpireIdleSessions;

public sealed class ExpireIdleSessionsValidator : AbstractValidator<ExpireIdleSessions>
{
    public ExpireIdleSessionsValidator()
    {
        RuleFor(x => x.Hours).InclusiveBetween(1, ExpireIdleSessions.MaxHours).OverridePropertyName("hours");
    }
}
