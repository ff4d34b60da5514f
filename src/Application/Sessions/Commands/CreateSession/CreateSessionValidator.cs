using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Commands.CreateSession;

public sealed class CreateSessionValidator : AbstractValidator<CreateSession>
{
    public const int OptionsMaxLength = 64 * 1024;

    public CreateSessionValidator()
    {
        // The owner is the acting user, checked by the validation step for every acting-user request.
        RuleFor(x => x.SessionId).SessionId()
            // GET /api/v1/sessions/latest is the latest session, so a session called "latest" could never be read.
            .NotEqual("latest", StringComparer.OrdinalIgnoreCase).WithMessage("'latest' is reserved; choose another session_id.")
            .When(x => x.SessionId is not null);
        RuleFor(x => x.Title).MaximumLength(Session.TitleMaxLength);
        RuleFor(x => x.WorkspacePath).MaximumLength(Session.WorkspacePathMaxLength);
        RuleFor(x => x.Options).JsonObject(OptionsMaxLength);
    }
}
