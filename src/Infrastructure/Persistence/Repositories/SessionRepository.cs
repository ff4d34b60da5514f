using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Application.Sessions;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <remarks>The list reads through <see cref="StaleTolerantReads"/> (a standby when one is configured).</remarks>
public sealed class SessionRepository(AppDbContext db, StaleTolerantReads reads) : ISessionRepository
{
    public void Add(Session session) => db.Sessions.Add(session);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public Task<Session?> GetAsync(string sessionId, string userId, CancellationToken cancellationToken) =>
        Owned(userId).FirstOrDefaultAsync(s => s.SessionId == sessionId, cancellationToken);

    public Task<Session?> GetLatestActiveAsync(string userId, CancellationToken cancellationToken) =>
        Owned(userId).Where(s => s.IsActive)
            .OrderByDescending(s => s.LastActive).ThenByDescending(s => s.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<Page<Session>> ListByUserAsync(
        string userId, bool? isActive, PageRequest page, CancellationToken cancellationToken)
    {
        var sessions = Owned(reads.Db, userId);
        if (isActive is { } active)
        {
            sessions = sessions.Where(s => s.IsActive == active);
        }

        return sessions.OrderByDescending(s => s.LastActive).ThenBy(s => s.SessionId).ToPageAsync(page, cancellationToken);
    }

    public async Task<bool> TouchAsync(
        string sessionId, string userId, int messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = Timestamps.Normalize(now);
        return await db.Sessions.Where(s => s.SessionId == sessionId && s.UserId == userId)
            .ExecuteUpdateAsync(setters => setters
                .SetProperty(s => s.LastActive, at)
                .SetProperty(s => s.MessageCount, s => s.MessageCount + messages)
                .SetProperty(s => s.IsActive, true), cancellationToken) > 0;
    }

    public Task<int> ExpireIdleAsync(DateTimeOffset lastActiveBefore, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.IsActive && s.LastActive < lastActiveBefore)
            .ExecuteUpdateAsync(setters => setters.SetProperty(s => s.IsActive, false), cancellationToken);

    public Task<int> DeleteIdleAsync(DateTimeOffset lastActiveBefore, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.LastActive < lastActiveBefore).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<Session> Owned(string userId) => Owned(db, userId);

    private static IQueryable<Session> Owned(AppDbContext context, string userId) =>
        context.Sessions.AsNoTracking().Where(s => s.UserId == userId);
}
