using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Handoffs.Specifications;

namespace NakamuraMisaki.Domain.Handoffs;

/// <summary>
/// Work handed from one person to another at <see cref="HandoffAt"/>, with where it stands and what comes next.
/// The recipient may accept it, then completes it; the reminder job DMs the recipient shortly before the hand-over.
/// It concerns its sender and its recipient only (see docs/domain.md).
/// </summary>
public sealed class Handoff : IVersioned
{
    /// <summary>How long before the hand-over the recipient is reminded, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultReminderLeadTime = TimeSpan.FromMinutes(10);

    private Handoff()
    {
        FromUserId = ToUserId = ProgressNote = NextSteps = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid? TaskId { get; private set; }
    public string FromUserId { get; private set; }
    public string ToUserId { get; private set; }
    public string ProgressNote { get; private set; }
    public string NextSteps { get; private set; }
    public DateTimeOffset HandoffAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>When the reminder job gave up on this hand-off's reminder (the recipient cannot be reached).</summary>
    public DateTimeOffset? ReminderFailedAt { get; private set; }

    /// <summary>Why it gave up: the recipient service's error code, e.g. channel_not_found.</summary>
    public string? ReminderError { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public HandoffStatus Status =>
        CompletedAt is not null ? HandoffStatus.Completed
        : AcceptedAt is not null ? HandoffStatus.Accepted
        : HandoffStatus.Pending;

    /// <param name="handoffAt">When the hand-over happens; null means now.</param>
    public static Handoff Create(
        Guid? taskId, string fromUserId, string toUserId, string progressNote, string nextSteps,
        DateTimeOffset? handoffAt, DateTimeOffset now)
    {
        if (string.Equals(fromUserId, toUserId, StringComparison.Ordinal))
        {
            throw new ArgumentException("A hand-off goes from one person to another.", nameof(toUserId));
        }

        RequireText(progressNote, nameof(progressNote));
        RequireText(nextSteps, nameof(nextSteps));
        var created = Timestamps.Normalize(now);
        return new Handoff
        {
            Id = Guid.CreateVersion7(created),
            TaskId = taskId,
            FromUserId = fromUserId,
            ToUserId = toUserId,
            ProgressNote = progressNote,
            NextSteps = nextSteps,
            HandoffAt = Timestamps.Normalize(handoffAt ?? created),
            CreatedAt = created,
        };
    }

    /// <summary>
    /// The recipient takes the hand-off on. Anyone else accepting it (its sender), accepting twice, or accepting after
    /// completion is a conflict.
    /// </summary>
    /// <param name="byUserId">Who accepts: must be the recipient.</param>
    public void Accept(string byUserId, DateTimeOffset now)
    {
        if (!string.Equals(byUserId, ToUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleViolationException(
                $"Only the recipient ({ToUserId}) can accept this hand-off; its sender can complete or delete it.");
        }

        if (Status != HandoffStatus.Pending)
        {
            throw new DomainRuleViolationException($"Only a pending hand-off can be accepted; this one is {Name(Status)}.");
        }

        AcceptedAt = Timestamps.Normalize(now);
    }

    /// <summary>
    /// Pending or accepted → completed. Completing without accepting first is allowed (the work simply got done);
    /// accepted_at then stays empty, because nobody accepted it.
    /// </summary>
    public void Complete(DateTimeOffset now)
    {
        if (Status == HandoffStatus.Completed)
        {
            throw new DomainRuleViolationException("This hand-off is already completed.");
        }

        CompletedAt = Timestamps.Normalize(now);
    }

    /// <summary><see cref="HandoffSpecifications.ReminderOutstanding"/>, and the hand-over is within the lead time.</summary>
    public bool IsReminderDueAt(DateTimeOffset now, TimeSpan leadTime) =>
        HandoffSpecifications.IsReminderOutstanding(this) && HandoffAt <= HandoffSpecifications.ReminderDueUntil(now, leadTime);

    private static void RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Required and not blank.", name);
        }
    }

    private static string Name(HandoffStatus status) => HandoffStatusNames.Words.Name(status);
}
