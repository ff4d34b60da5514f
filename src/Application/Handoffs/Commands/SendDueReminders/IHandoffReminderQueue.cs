namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// The hand-offs seen as a queue of reminders, safe for any number of instances: a reminder is claimed by taking a
/// lease on it (docs/reminders.md says why this sends each reminder once).
/// </summary>
public interface IHandoffReminderQueue
{
    /// <summary>
    /// Leases, until <paramref name="claimedUntil"/>, up to <paramref name="batchSize"/> due reminders
    /// (handoff_at &lt;= dueUntil) whose lease ended before <paramref name="passStartedAt"/>, earliest first.
    /// </summary>
    Task<IReadOnlyList<DueReminder>> ClaimAsync(
        DateTimeOffset passStartedAt, DateTimeOffset dueUntil, DateTimeOffset claimedUntil, int batchSize,
        CancellationToken cancellationToken);

    /// <summary>Whether a claimed reminder should still go out (not completed or deleted since the claim).</summary>
    Task<bool> IsStillDueAsync(Guid handoffId, CancellationToken cancellationToken);

    /// <summary>Records the send and ends the lease.</summary>
    Task MarkRemindedAsync(Guid handoffId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a transient failure and leaves the reminder to passes that start after <paramref name="retryAt"/>.
    /// </summary>
    Task RecordFailedAttemptAsync(Guid handoffId, DateTimeOffset retryAt, CancellationToken cancellationToken);

    /// <summary>Gives up on the reminder for good: it is never claimed again, and the hand-off shows why.</summary>
    Task MarkFailedAsync(Guid handoffId, string error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives claimed reminders back, to be claimed by passes that start after <paramref name="notBefore"/>.</summary>
    Task PostponeAsync(IReadOnlyCollection<Guid> handoffIds, DateTimeOffset notBefore, CancellationToken cancellationToken);
}
