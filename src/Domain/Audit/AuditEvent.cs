using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Audit;

/// <summary>
/// One entry of the audit trail (table audit_events): who (API client, acting user) did what (operation) to which
/// resource, when, and how it ended. Written once, never changed; only the retention pass deletes it.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    /// <summary>Ascending in insertion order: the cursor of the audit list.</summary>
    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The API client (key's client name), <c>system</c> for a background job, <c>command-line</c> for a verb.</summary>
    public string Client { get; private set; } = "";

    public string? ActingUser { get; private set; }

    public string Operation { get; private set; } = "";

    public string? ResourceId { get; private set; }

    public string Outcome { get; private set; } = "";

    /// <summary>What the operation reported (a pass's counts, an import's totals), as JSON; null when nothing.</summary>
    public string? Details { get; private set; }

    /// <summary>For refused requests: the address they came from.</summary>
    public string? RemoteAddress { get; private set; }

    /// <summary>How many occurrences this event stands for: refusals are aggregated per minute.</summary>
    public int Count { get; private set; }

    public static AuditEvent Create(
        DateTimeOffset occurredAt, string client, string? actingUser, string operation, string? resourceId,
        string outcome, string? details, string? remoteAddress = null, int count = 1) => new()
    {
        OccurredAt = Timestamps.Normalize(occurredAt),
        Client = client,
        ActingUser = actingUser,
        Operation = operation,
        ResourceId = resourceId,
        Outcome = outcome,
        Details = details,
        RemoteAddress = remoteAddress,
        Count = count,
    };
}
