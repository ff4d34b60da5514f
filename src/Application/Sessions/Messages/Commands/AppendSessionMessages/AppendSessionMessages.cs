using Mediator;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Sessions.Messages.Commands.AppendSessionMessages;

/// <summary>
/// Appends a batch to the acting user's session, all or nothing: one invalid message refuses the whole batch.
/// </summary>
public sealed record AppendSessionMessages(
    string SessionId, IReadOnlyList<NewSessionMessage?>? Messages)
    : IRequest<AppendResult>, IActingUserRequest
{
    public const int MaxMessages = 1_000;
}

public sealed class AppendSessionMessagesHandler(IUser user, SessionHistoryAppender appender)
    : IRequestHandler<AppendSessionMessages, AppendResult>
{
    public async ValueTask<AppendResult> Handle(AppendSessionMessages request, CancellationToken cancellationToken) =>
        await appender.AppendAsync(
            request.SessionId, user.ActingId(), request.Messages!.Select(m => (INewSessionMessage)m!).ToArray(),
            cancellationToken);
}
