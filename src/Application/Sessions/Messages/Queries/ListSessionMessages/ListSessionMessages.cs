using Mediator;
using NakamuraMisaki.Application.Common.Exceptions;
using NakamuraMisaki.Application.Common.Interfaces;
using NakamuraMisaki.Application.Common.Security;

namespace NakamuraMisaki.Application.Sessions.Messages.Queries.ListSessionMessages;

/// <summary>
/// The acting user's session history in seq order: a page after <see cref="AfterSeq"/> (cursor paging), or with
/// <see cref="Last"/> the last N messages, oldest first (what a bot puts into a model's context window).
/// </summary>
public sealed record ListSessionMessages(string SessionId, long? AfterSeq, int? Limit, int? Last)
    : IRequest<SessionMessagePage>, IActingUserRequest
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;
}

public sealed class ListSessionMessagesHandler(IUser user, ISessionMessageReader reader)
    : IRequestHandler<ListSessionMessages, SessionMessagePage>
{
    public async ValueTask<SessionMessagePage> Handle(ListSessionMessages request, CancellationToken cancellationToken)
    {
        if (request.Last is { } last)
        {
            var tail = await reader.ListLastAsync(request.SessionId, user.ActingId(), last, cancellationToken)
                       ?? throw new NotFoundException("Session", request.SessionId);
            return new SessionMessagePage(tail, null);
        }

        return await reader.ListAfterAsync(
                   request.SessionId, user.ActingId(), request.AfterSeq ?? 0,
                   request.Limit ?? ListSessionMessages.DefaultLimit, cancellationToken)
               ?? throw new NotFoundException("Session", request.SessionId);
    }
}
