using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>The append use case, shared by the single and the batch request (they differ only in their shape).</summary>
public sealed class SessionHistoryAppender(ISessionHistoryRepository history, TimeProvider clock)
{
    public async Task<AppendResult> AppendAsync(
        string sessionId, string userId, IReadOnlyList<INewSessionMessage> messages, CancellationToken cancellationToken)
    {
        var outcome = await history.AppendAsync(new MessageAppend(sessionId, userId, messages, clock.GetUtcNow()), cancellationToken)
                      ?? throw new NotFoundException("Session", sessionId);
        return new AppendResult(outcome.Messages.Select(SessionMessageResponse.From).ToArray(), outcome.Added > 0);
    }
}

/// <param name="Added">Whether anything was stored (201); false: every message was already there (200).</param>
public sealed record AppendResult(IReadOnlyList<SessionMessageResponse> Items, bool Added);
