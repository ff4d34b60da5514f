using Mediator;

namespace NakamuraMisaki.Application.Audit.Commands.DeleteExpiredAuditEvents;

/// <summary>
/// The retention pass, the only deleter of audit events: removes those older than <see cref="RetentionDays"/> and
/// records that it did, in the same transaction.
/// </summary>
public sealed record DeleteExpiredAuditEvents(int RetentionDays) : IRequest<DeleteExpiredAuditEventsResponse>, IAuditedCommand
{
    public const int DefaultRetentionDays = 365;

    public string AuditOperation => AuditOperations.AuditRetention;

    public string? AuditResourceId => null;
}

public sealed record DeleteExpiredAuditEventsResponse(int Deleted);

public sealed class DeleteExpiredAuditEventsHandler(IAuditEventRepository events, TimeProvider clock)
    : IRequestHandler<DeleteExpiredAuditEvents, DeleteExpiredAuditEventsResponse>
{
    public async ValueTask<DeleteExpiredAuditEventsResponse> Handle(
        DeleteExpiredAuditEvents request, CancellationToken cancellationToken) =>
        new(await events.DeleteOlderThanAsync(clock.GetUtcNow().AddDays(-request.RetentionDays), cancellationToken));
}
