using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Application.Notes;

namespace NakamuraMisaki.Import.Notes;

public sealed class LegacyNoteValidator : AbstractValidator<LegacyNote>
{
    public LegacyNoteValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(n => n.UserId).SlackUserId().OverridePropertyName("user_id");
        RuleFor(n => n.Category).NoteCategory().OverridePropertyName("category");
        RuleFor(n => n.Content).NoteContent().OverridePropertyName("content");
        RuleFor(n => n.SessionId).SessionId().When(n => n.SessionId is not null).OverridePropertyName("metadata.session_id");
    }
}
