using NakamuraMisaki.Application.Common.Exceptions;

namespace NakamuraMisaki.Application.Sessions.Messages;

/// <summary>The append use case, shared by the single and the batch request (they differ only in their shape).</summary>
public sealed class SessionHistoryAppender(ISessionHistoryRepository history, TimeProvider clock)
{
    public async Task<AppendResult> AppendAsync(
        string sessionId, string userId, IReadOnlyList<INewSessionMessage> messages, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var outcome = await history.AppendAsync(
                          new MessageAppend(sessionId, userId, messages, idempotencyKey, clock.GetUtcNow()), cancellationToken)
                      ?? throw new NotFoundException("Session", sessionId);
        if (outcome.ReplayedKey && !SameMessages(outcome, messages))
        {
            throw new IdempotencyKeyReusedException(idempotencyKey!);
        }

        return new AppendResult(outcome.Messages.Select(SessionMessageResponse.From).ToArray(), outcome.Added > 0);
    }

    /// <summary>A retry sends what it sent before; metadata is left out (jsonb does not keep its spelling).</summary>
    private static bool SameMessages(AppendOutcome stored, IReadOnlyList<INewSessionMessage> sent) =>
        stored.Messages.Count == sent.Count
        && stored.Messages.Zip(sent).All(p => p.First.Role == p.Second.Role && p.First.Content == p.Second.Content
                                              && p.First.SlackTs == p.Second.SlackTs);
}

/// <param name="Added">Whether anything was stored (201); false: every message was already there (200).</param>
public sealed record AppendResult(IReadOnlyList<SessionMessageResponse> Items, bool Added);
