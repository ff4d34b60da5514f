using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Sessions.Messages;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

public sealed class SessionMessageReader(AppDbContext db, SessionHistoryTailReader tail) : ISessionMessageReader
{
    public async Task<SessionMessageResponse?> GetAsync(
        string sessionId, string userId, long seq, CancellationToken cancellationToken) =>
        await Messages.Where(m => m.SessionId == sessionId && m.Seq == seq
                                  && db.Sessions.Any(s => s.SessionId == sessionId && s.UserId == userId))
            .FirstOrDefaultAsync(cancellationToken) is { } message
            ? SessionMessageResponse.From(message)
            : null;

    public async Task<SessionMessagePage?> ListAfterAsync(
        string sessionId, string userId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        // One more than asked tells whether there is a next page without a COUNT.
        if (await tail.AfterAsync(sessionId, userId, afterSeq, limit + 1, cancellationToken) is not { } page)
        {
            return null;
        }

        var items = page.Take(limit).Select(SessionMessageResponse.From).ToArray();
        return new SessionMessagePage(items, page.Count > limit ? items[^1].Seq : null);
    }

    public async Task<IReadOnlyList<SessionMessageResponse>?> ListLastAsync(
        string sessionId, string userId, int count, CancellationToken cancellationToken) =>
        (await tail.LastAsync(sessionId, userId, count, cancellationToken))?.Select(SessionMessageResponse.From).ToArray();

    public async Task<IReadOnlyList<SessionMessageSearchHit>> SearchAsync(
        string userId, string query, string? sessionId, int limit, CancellationToken cancellationToken)
    {
        var messages = Messages.Where(m => db.Sessions.Any(s => s.SessionId == m.SessionId && s.UserId == userId));
        if (sessionId is not null)
        {
            messages = messages.Where(m => m.SessionId == sessionId);
        }

        var hits = await messages.MatchingText(m => m.Content, query)
            .ThenByDescending(x => x.Row.CreatedAt).ThenBy(x => x.Row.SessionId).ThenByDescending(x => x.Row.Seq)
            .Take(limit)
            .Select(x => new { x.Row, x.Score })
            .ToListAsync(cancellationToken);
        return hits.Select(h => SessionMessageSearchHit.From(h.Row, h.Score)).ToArray();
    }

    private IQueryable<SessionMessage> Messages => db.SessionMessages.AsNoTracking();
}
