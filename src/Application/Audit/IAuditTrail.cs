namespace NakamuraMisaki.Application.Audit;

/// <summary>Writes audit events (Infrastructure: the audit_events table).</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Runs <paramref name="change"/> and writes its event in one transaction: a change that throws (or a commit that
    /// fails) leaves neither. The change must use the request's own database unit of work.
    /// </summary>
    Task<T> RecordWithAsync<T>(Func<CancellationToken, ValueTask<T>> change, Func<T, AuditEntry> describe, CancellationToken cancellationToken);

    /// <summary>Writes one event on its own (a change that was not one transaction, refusals, command-line verbs).</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken);
}
