using FluentValidation;

namespace NakamuraMisaki.Application.Sessions.Commands.DeleteInactiveSessions;

public sealed class DeleteInactiveSessionsValidator : AbstractValidator<DeleteInactiveSessions>
{
    public DeleteInactiveSessionsValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, DeleteInactiveSessions.MaxDays).OverridePropertyName("days");
    }
}
