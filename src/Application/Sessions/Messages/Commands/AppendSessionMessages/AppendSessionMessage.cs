using System.Text.Json;
using FluentValidation;
using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Messages.Commands.AppendSessionMessages;

/// <summary>Appends one message to the acting user's session (the batch append of one, with the message's fields at the top).</summary>
public sealed record AppendSessionMessage(
    string SessionId, MessageRole? Role, string? Content, string? SlackTs, JsonElement? Metadata)
    : IRequest<AppendResult>, IActingUserRequest, INewSessionMessage;

public sealed class AppendSessionMessageHandler(IUser user, SessionHistoryAppender appender)
    : IRequestHandler<AppendSessionMessage, AppendResult>
{
    public async ValueTask<AppendResult> Handle(AppendSessionMessage request, CancellationToken cancellationToken) =>
        await appender.AppendAsync(
            request.SessionId, user.ActingId(), [request], cancellationToken);
}

public sealed class AppendSessionMessageValidator : AbstractValidator<AppendSessionMessage>
{
    public AppendSessionMessageValidator()
    {
        RuleFor(x => x.SessionId).SessionId().OverridePropertyName("session_id");
        Include(NewSessionMessageRules.Instance);
    }
}
