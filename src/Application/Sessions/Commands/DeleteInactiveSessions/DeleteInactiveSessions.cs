using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Commands.DeleteInactiveSessions;

/// <summary>
/// Deletes sessions idle for more than <see cref="Days"/> days. Idleness decides, not is_active: a session nobody
/// touched for a month is inactive even if the expiry job was switched off. Notes keep their session_id.
/// </summary>
public sealed record DeleteInactiveSessions(int Days) : IRequest<DeleteInactiveSessionsResponse>, IAuditedCommand
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3650;

    public string AuditOperation => AuditOperations.DeleteInactiveSessions;

    public string? AuditResourceId => null;
}

public sealed record DeleteInactiveSessionsResponse(int Deleted);

public sealed class DeleteInactiveSessionsHandler(ISessionRepository sessions, TimeProvider clock)
    : IRequestHandler<DeleteInactiveSessions, DeleteInactiveSessionsResponse>
{
    public async ValueTask<DeleteInactiveSessionsResponse> Handle(
        DeleteInactiveSessions request, CancellationToken cancellationToken)
    {
        var cutoff = Session.IdleCutoff(clock.GetUtcNow(), TimeSpan.FromDays(request.Days));
        return new DeleteInactiveSessionsResponse(await sessions.DeleteIdleAsync(cutoff, cancellationToken));
    }
}
