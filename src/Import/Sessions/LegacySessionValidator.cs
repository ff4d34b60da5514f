using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Import.Sessions;

public sealed class LegacySessionValidator : AbstractValidator<LegacySession>
{
    public LegacySessionValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(s => s.SessionId).SessionId().OverridePropertyName("session_id");
        RuleFor(s => s.UserId).SlackUserId().OverridePropertyName("user_id");
        RuleFor(s => s.Title).MaximumLength(Session.TitleMaxLength).OverridePropertyName("title");
        RuleFor(s => s.WorkspacePath).MaximumLength(Session.WorkspacePathMaxLength).OverridePropertyName("workspace_path");
        RuleFor(s => s.MessageCount).GreaterThanOrEqualTo(0).OverridePropertyName("message_count");
    }
}
