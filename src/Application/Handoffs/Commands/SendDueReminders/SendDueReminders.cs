using Mediator;
using Microsoft.Extensions.Logging;

namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// One pass of the reminder job: claim the reminders due within <see cref="LeadTime"/> batch by batch, send each,
/// record what was delivered. Safe to run in any number of instances at once (see <see cref="IHandoffReminderQueue"/>).
/// The background job sends this on a timer; tests send it directly.
/// </summary>
/// <param name="LeadTime">How long before handoff_at the recipient is reminded.</param>
/// <param name="LeaseDuration">How long a claimed reminder belongs to this instance.</param>
/// <param name="BatchSize">Reminders claimed per round trip.</param>
public sealed record SendDueReminders(TimeSpan LeadTime, TimeSpan LeaseDuration, int BatchSize) : IRequest<ReminderPassResult>;

public sealed class SendDueRemindersHandler(
    IHandoffReminderQueue queue,
    IHandoffReminderSender sender,
    ReminderRateLimit rateLimit,
    ReminderMetrics metrics,
    TimeProvider clock,
    ILogger<SendDueRemindersHandler> logger) : IRequestHandler<SendDueReminders, ReminderPassResult>
{
    public async ValueTask<ReminderPassResult> Handle(SendDueReminders request, CancellationToken cancellationToken)
    {
        var passStartedAt = clock.GetUtcNow();
        if (rateLimit.Holds(passStartedAt))
        {
            return ReminderPassResult.WaitingOutRateLimit;
        }

        var pass = new PassTally();
        while (!pass.RateLimited)
        {
            var now = clock.GetUtcNow();
            var batch = await queue.ClaimAsync(
                passStartedAt, now + request.LeadTime, now + request.LeaseDuration, request.BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await SendBatchAsync(batch, pass, cancellationToken);
        }

        var result = new ReminderPassResult(pass.Sent, pass.Failed, pass.Deferred, pass.RateLimited);
        metrics.Record(result);
        return result;
    }

    private async Task SendBatchAsync(IReadOnlyList<DueReminder> batch, PassTally pass, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var reminder = batch[i];
            var now = clock.GetUtcNow();
            if (now + sender.MaxSendDuration >= reminder.ClaimedUntil)
            {
                // The lease could run out while the send is still in flight, and another instance could then send it
                // too. Our lease still holds, so giving the rest back is safe; the next pass takes them.
                await GiveBackAsync(batch, i, now, pass, cancellationToken);
                return;
            }

            if (!await queue.IsStillDueAsync(reminder.HandoffId, cancellationToken))
            {
                continue; // completed or deleted since the claim; a completed hand-off is never reminded
            }

            var delivery = await SendAsync(reminder, cancellationToken);
            if (delivery.Delivered)
            {
                await queue.MarkRemindedAsync(reminder.HandoffId, clock.GetUtcNow(), cancellationToken);
                pass.Sent++;
            }
            else if (delivery.RetryAfter is { } retryAfter)
            {
                var until = clock.GetUtcNow() + retryAfter;
                rateLimit.Until(until);
                logger.LogWarning("Reminders are rate limited; this instance sends none until {Until:O}.", until);
                pass.RateLimited = true;
                await GiveBackAsync(batch, i, until, pass, cancellationToken);
                return;
            }
            else
            {
                await RetryLaterAsync(reminder, delivery, cancellationToken);
                pass.Failed++;
            }
        }
    }

    private async Task<ReminderDelivery> SendAsync(DueReminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(reminder, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever goes wrong with one hand-off must not stop the others.
            logger.LogError(e, "Sending the reminder for hand-off {HandoffId} failed.", reminder.HandoffId);
            return ReminderDelivery.Failed(e.GetType().Name);
        }
    }

    /// <summary>
    /// When a failed send is tried again: today, by the next pass (its lease ends now, and a pass only claims leases
    /// that ended before it started). The place for per-hand-off back-off and for giving up on permanent errors.
    /// </summary>
    private async Task RetryLaterAsync(DueReminder reminder, ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        logger.LogWarning("Reminder for hand-off {HandoffId} to {Recipient} not sent ({Error}); retried next pass.",
            reminder.HandoffId, reminder.ToUserId, delivery.Error);
        await queue.PostponeAsync([reminder.HandoffId], clock.GetUtcNow(), cancellationToken);
    }

    private async Task GiveBackAsync(
        IReadOnlyList<DueReminder> batch, int from, DateTimeOffset notBefore, PassTally pass, CancellationToken cancellationToken)
    {
        var rest = batch.Skip(from).Select(r => r.HandoffId).ToArray();
        await queue.PostponeAsync(rest, notBefore, cancellationToken);
        pass.Deferred += rest.Length;
    }

    private sealed class PassTally
    {
        public int Sent { get; set; }
        public int Failed { get; set; }
        public int Deferred { get; set; }
        public bool RateLimited { get; set; }
    }
}
