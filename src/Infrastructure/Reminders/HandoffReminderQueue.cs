using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.Domain.Handoffs.Specifications;
using NakamuraMisaki.Infrastructure.Persistence;
using NakamuraMisaki.Infrastructure.Persistence.Configurations;
using NakamuraMisaki.Infrastructure.Persistence.Specifications;
using Npgsql;
using NpgsqlTypes;

namespace NakamuraMisaki.Infrastructure.Reminders;

/// <summary>
/// The handoffs table seen as a queue of reminders, safe for any number of instances. A reminder is claimed by
/// setting its lease (reminder_claimed_until); see docs/reminders.md for why this sends each reminder once.
/// </summary>
public sealed class HandoffReminderQueue(AppDbContext db, NpgsqlDataSource dataSource) : IHandoffReminderQueue
{
    // One statement, so one transaction: the inner SELECT locks the rows it picks and SKIP LOCKED makes concurrent
    // claimers pass over them instead of waiting; the UPDATE takes the lease and commits. A claimer that reaches a row
    // just after another committed its lease re-checks the row (READ COMMITTED) and finds it leased.
    // "< @pass_started_at" rather than "< now": what this pass gave up on (lease set to the failure time) is not
    // claimed again by the same pass, only by the next one.
    // The rule is HandoffSpecifications.ReminderDueUntil's: outstanding, and handoff_at at or before now + lead time.
    internal const string ClaimSql = $"""
        UPDATE handoffs AS h
        SET reminder_claimed_until = @claimed_until
        FROM (
            SELECT id FROM handoffs
            WHERE {HandoffSpecificationSql.ReminderOutstanding}
              AND handoff_at <= @due_until
              AND (reminder_claimed_until IS NULL OR reminder_claimed_until < @pass_started_at)
            ORDER BY handoff_at
            LIMIT @batch_size
            FOR UPDATE SKIP LOCKED
        ) AS due
        WHERE h.id = due.id
        RETURNING h.id, h.from_user_id, h.to_user_id, h.progress_note, h.next_steps, h.handoff_at,
                  (SELECT t.title FROM tasks AS t WHERE t.id = h.task_id), h.reminder_attempts
        """;

    public async Task<IReadOnlyList<DueReminder>> ClaimAsync(
        DateTimeOffset passStartedAt, DateTimeOffset dueUntil, DateTimeOffset claimedUntil, int batchSize,
        CancellationToken cancellationToken)
    {
        claimedUntil = Timestamps.Normalize(claimedUntil);
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter("claimed_until", NpgsqlDbType.TimestampTz) { Value = claimedUntil });
        command.Parameters.Add(new NpgsqlParameter("due_until", NpgsqlDbType.TimestampTz) { Value = Timestamps.Normalize(dueUntil) });
        command.Parameters.Add(new NpgsqlParameter("pass_started_at", NpgsqlDbType.TimestampTz) { Value = Timestamps.Normalize(passStartedAt) });
        command.Parameters.Add(new NpgsqlParameter("batch_size", NpgsqlDbType.Integer) { Value = batchSize });

        var claimed = new List<DueReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new DueReminder(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6), claimedUntil,
                reader.GetInt32(7)));
        }

        // RETURNING does not keep the subquery's order.
        return claimed.OrderBy(r => r.HandoffAt).ToArray();
    }

    // The hand-off may have been completed or deleted since the claim, while earlier reminders were being sent.
    public Task<bool> IsStillDueAsync(Guid handoffId, CancellationToken cancellationToken) =>
        db.Handoffs.AsNoTracking().Where(HandoffSpecifications.ReminderOutstanding)
            .AnyAsync(h => h.Id == handoffId, cancellationToken);

    // Kept even if the hand-off was completed meanwhile: it was sent.
    public async Task MarkRemindedAsync(Guid handoffId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var remindedAt = Timestamps.Normalize(now);
        await db.Handoffs
            .Where(h => h.Id == handoffId && h.RemindedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.RemindedAt, remindedAt)
                .SetProperty(h => EF.Property<DateTimeOffset?>(h, HandoffConfiguration.ReminderClaimedUntil), (DateTimeOffset?)null),
                cancellationToken);
    }

    // The lease doubles as the next-attempt time: a pass claims only leases that ended before it started.
    public async Task RecordFailedAttemptAsync(Guid handoffId, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        var until = Timestamps.Normalize(retryAt);
        await db.Handoffs
            .Where(h => h.Id == handoffId && h.RemindedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => EF.Property<int>(h, HandoffConfiguration.ReminderAttempts),
                    h => EF.Property<int>(h, HandoffConfiguration.ReminderAttempts) + 1)
                .SetProperty(h => EF.Property<DateTimeOffset?>(h, HandoffConfiguration.ReminderClaimedUntil), (DateTimeOffset?)until),
                cancellationToken);
    }

    public async Task MarkFailedAsync(Guid handoffId, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failedAt = Timestamps.Normalize(now);
        await db.Handoffs
            .Where(h => h.Id == handoffId && h.RemindedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => h.ReminderFailedAt, failedAt)
                .SetProperty(h => h.ReminderError, error)
                .SetProperty(h => EF.Property<DateTimeOffset?>(h, HandoffConfiguration.ReminderClaimedUntil), (DateTimeOffset?)null),
                cancellationToken);
    }

    // notBefore is the failure time (next pass) or the end of a rate limit.
    public async Task PostponeAsync(
        IReadOnlyCollection<Guid> handoffIds, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var until = Timestamps.Normalize(notBefore);
        await db.Handoffs
            .Where(h => handoffIds.Contains(h.Id) && h.RemindedAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(h => EF.Property<DateTimeOffset?>(h, HandoffConfiguration.ReminderClaimedUntil), (DateTimeOffset?)until),
                cancellationToken);
    }
}
