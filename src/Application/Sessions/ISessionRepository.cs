using NakamuraMisaki.Application.Common.Paging;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions;

/// <summary>Sessions storage. Reads take the owner's id: another user's session is never returned.</summary>
public interface ISessionRepository
{
    void Add(Session session);

    Task SaveChangesAsync(CancellationToken cancellationToken);

    Task<Session?> GetAsync(string sessionId, string userId, CancellationToken cancellationToken);

    /// <summary>The user's active session with the latest last_active, if any.</summary>
    Task<Session?> GetLatestActiveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Most recently active first; <paramref name="isActive"/> null = all.</summary>
    Task<Page<Session>> ListByUserAsync(
        string userId, bool? isActive, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// In one statement: last_active = now, message_count += messages, is_active = true. Atomic, so concurrent
    /// touches never lose a message.
    /// </summary>
    /// <returns>Whether the user's session exists.</returns>
    Task<bool> TouchAsync(
        string sessionId, string userId, int messages, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets is_active = false on active sessions with last_active before the cutoff.</summary>
    /// <returns>How many sessions were expired.</returns>
    Task<int> ExpireIdleAsync(DateTimeOffset lastActiveBefore, CancellationToken cancellationToken);

    /// <summary>Deletes sessions with last_active before the cutoff.</summary>
    /// <returns>How many sessions were deleted.</returns>
    Task<int> DeleteIdleAsync(DateTimeOffset lastActiveBefore, CancellationToken cancellationToken);
}
