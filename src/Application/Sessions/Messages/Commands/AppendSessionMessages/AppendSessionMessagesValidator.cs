using FluentValidation;
using NakamuraMisaki.Application.Common.Validation;

namespace NakamuraMisaki.Application.Sessions.Messages.Commands.AppendSessionMessages;

public sealed class AppendSessionMessagesValidator : AbstractValidator<AppendSessionMessages>
{
    public AppendSessionMessagesValidator()
    {
        RuleFor(x => x.SessionId).SessionId().OverridePropertyName("session_id");
        RuleFor(x => x.Messages).NotEmpty()
            .Must(m => m!.Count <= AppendSessionMessages.MaxMessages)
            .WithMessage($"'{{PropertyName}}' holds at most {AppendSessionMessages.MaxMessages} messages per request.")
            .Custom((messages, context) =>
            {
                // One Slack message is stored once: a batch naming it twice is a client bug, not a retry.
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < messages!.Count; i++)
                {
                    if (messages[i]?.SlackTs is { } ts && !seen.Add(ts))
                    {
                        context.AddFailure($"{nameof(AppendSessionMessages.Messages)}[{i}].SlackTs",
                            $"slack_ts {ts} appears earlier in this batch.");
                    }
                }
            });
        RuleForEach(x => x.Messages).NotNull().SetValidator(NewSessionMessageRules.Instance!);
    }
}
