using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>
/// What a message to append must be, for the single and the batch append alike. Internal, so assembly scanning does
/// not register it as a validator of its own: the two requests include it.
/// </summary>
internal sealed class NewSessionMessageRules : AbstractValidator<INewSessionMessage>
{
    public const int MetadataMaxLength = 64 * 1024;

    public static readonly NewSessionMessageRules Instance = new();

    private NewSessionMessageRules()
    {
        RuleFor(m => m.Role).NotNull()
            .WithMessage($"'{{PropertyName}}' is required: {MessageRoleNames.Words.Listed()}.");
        RuleFor(m => m.Content).NotEmpty().MaximumLength(SessionMessage.ContentMaxLength);
        RuleFor(m => m.SlackTs).Must(ts => SessionMessage.IsSlackTs(ts!))
            .WithMessage("'{PropertyName}' must be a Slack message timestamp such as 1718412345.123456.")
            .When(m => m.SlackTs is not null);
        RuleFor(m => m.Metadata).JsonObject(MetadataMaxLength);
    }
}
