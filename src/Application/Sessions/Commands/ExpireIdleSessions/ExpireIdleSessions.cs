using Mediator;
using NakamuraMisaki.Application.Audit;
using NakamuraMisaki.Domain.Sessions;

namespace NakamuraMisaki.Application.Sessions.Commands.ExpireIdleSessions;

/// <summary>Marks sessions idle for more than <see cref="Hours"/> hours inactive (is_active = false).</summary>
public sealed record ExpireIdleSessions(int Hours) : IRequest<ExpireIdleSessionsResponse>, IAuditedCommand
{
    public const int DefaultHours = 24;
    public const int MaxHours = 24 * 3650;

    public string AuditOperation => AuditOperations.ExpireIdleSessions;

    public string? AuditResourceId => null;
}

public sealed record ExpireIdleSessionsResponse(int Expired);

public sealed class ExpireIdleSessionsHandler(ISessionRepository sessions, TimeProvider clock)
    : IRequestHandler<ExpireIdleSessions, ExpireIdleSessionsResponse>
{
    public async ValueTask<ExpireIdleSessionsResponse> Handle(ExpireIdleSessions request, CancellationToken cancellationToken)
    {
        var cutoff = Session.IdleCutoff(clock.GetUtcNow(), TimeSpan.FromHours(request.Hours));
        return new ExpireIdleSessionsResponse(await sessions.ExpireIdleAsync(cutoff, cancellationToken));
    }
}
