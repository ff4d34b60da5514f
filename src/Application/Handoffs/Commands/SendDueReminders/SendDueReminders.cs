using Mediator;
using NakamuraMisaki.Application.Common.Retries;
using Microsoft.Extensions.Logging;
using NakamuraMisaki.Domain.Handoffs.Specifications;

namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// One pass of the reminder job: claim the reminders due within <see cref="LeadTime"/> batch by batch, send each,
/// record what was delivered. Safe to run in any number of instances at once (see <see cref="IHandoffReminderQueue"/>).
/// The background job sends this on a timer; tests send it directly.
/// </summary>
/// <param name="LeadTime">How long before handoff_at the recipient is reminded.</param>
/// <param name="LeaseDuration">How long a claimed reminder belongs to this instance.</param>
/// <param name="BatchSize">Reminders claimed per round trip.</param>
/// <param name="MaxBackoff">The longest wait before a transiently failing reminder is tried again.</param>
public sealed record SendDueReminders(TimeSpan LeadTime, TimeSpan LeaseDuration, int BatchSize, TimeSpan MaxBackoff)
    : IRequest<ReminderPassResult>
{
    /// <summary>
    /// The wait after a reminder's second transient failure (the first is retried by the next pass, as a blip
    /// usually is); it doubles with each further one, up to <see cref="MaxBackoff"/>.
    /// </summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
}

public sealed class SendDueRemindersHandler(
    IHandoffReminderQueue queue,
    IHandoffReminderSender sender,
    ReminderRateLimit rateLimit,
    ReminderSendingHalt halt,
    ReminderMetrics metrics,
    TimeProvider clock,
    ILogger<SendDueRemindersHandler> logger) : IRequestHandler<SendDueReminders, ReminderPassResult>
{
    public async ValueTask<ReminderPassResult> Handle(SendDueReminders request, CancellationToken cancellationToken)
    {
        var passStartedAt = clock.GetUtcNow();
        if (halt.IsHalted)
        {
            return ReminderPassResult.HaltedBefore;
        }

        if (rateLimit.Holds(passStartedAt))
        {
            return ReminderPassResult.WaitingOutRateLimit;
        }

        var pass = new PassTally();
        while (!pass.RateLimited && !pass.Halted)
        {
            var now = clock.GetUtcNow();
            var batch = await queue.ClaimAsync(
                passStartedAt, HandoffSpecifications.ReminderDueUntil(now, request.LeadTime), now + request.LeaseDuration, request.BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await SendBatchAsync(batch, pass, request.MaxBackoff, cancellationToken);
        }

        var result = new ReminderPassResult(pass.Sent, pass.Failed, pass.Deferred, pass.RateLimited, pass.GaveUp, pass.Halted);
        metrics.Record(result);
        return result;
    }

    private async Task SendBatchAsync(
        IReadOnlyList<DueReminder> batch, PassTally pass, TimeSpan maxBackoff, CancellationToken cancellationToken)
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
            switch (delivery.Outcome)
            {
                case ReminderOutcome.Delivered:
                    await queue.MarkRemindedAsync(reminder.HandoffId, clock.GetUtcNow(), cancellationToken);
                    pass.Sent++;
                    break;
                case ReminderOutcome.RateLimited:
                    var until = clock.GetUtcNow() + (delivery.RetryAfter ?? TimeSpan.Zero);
                    rateLimit.Until(until);
                    logger.LogWarning("Reminders are rate limited; this instance sends none until {Until:O}.", until);
                    pass.RateLimited = true;
                    await GiveBackAsync(batch, i, until, pass, cancellationToken);
                    return;
                case ReminderOutcome.Unauthorized:
                    // Not the hand-off's fault: it is given back untouched, for an instance whose token works.
                    halt.Halt(delivery.Error ?? "unauthorized", clock.GetUtcNow());
                    logger.LogCritical("Slack refuses this instance's bot token ({Error}); no more reminders are sent "
                        + "until Slack:BotToken is fixed and the instance restarted.", delivery.Error);
                    metrics.RecordHalt(delivery.Error);
                    pass.Halted = true;
                    await GiveBackAsync(batch, i, clock.GetUtcNow(), pass, cancellationToken);
                    return;
                case ReminderOutcome.Permanent:
                    await GiveUpAsync(reminder, delivery, cancellationToken);
                    pass.GaveUp++;
                    break;
                default:
                    await RetryLaterAsync(reminder, delivery, maxBackoff, cancellationToken);
                    pass.Failed++;
                    break;
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
            return ReminderDelivery.Failed(ReminderOutcome.Transient, e.GetType().Name);
        }
    }

    /// <summary>
    /// A transient failure: tried again by the next pass, then after an exponential back-off per hand-off (1, 2, 4 …
    /// minutes, capped), so
    /// a recipient that stays unreachable costs one call per cap, not one per pass.
    /// </summary>
    private async Task RetryLaterAsync(
        DueReminder reminder, ReminderDelivery delivery, TimeSpan maxBackoff, CancellationToken cancellationToken)
    {
        var retryAt = clock.GetUtcNow() + ExponentialBackoff.After(reminder.FailedAttempts, SendDueReminders.FirstRetry, maxBackoff);
        logger.LogWarning("Reminder for hand-off {HandoffId} to {Recipient} not sent ({Error}); retried after {RetryAt:O}.",
            reminder.HandoffId, reminder.ToUserId, delivery.Error, retryAt);
        await queue.RecordFailedAttemptAsync(reminder.HandoffId, retryAt, cancellationToken);
    }

    private async Task GiveUpAsync(DueReminder reminder, ReminderDelivery delivery, CancellationToken cancellationToken)
    {
        var error = delivery.Error ?? "unknown";
        logger.LogWarning("Reminder for hand-off {HandoffId} to {Recipient} can never be sent ({Error}); not retried.",
            reminder.HandoffId, reminder.ToUserId, error);
        await queue.MarkFailedAsync(reminder.HandoffId, error, clock.GetUtcNow(), cancellationToken);
        metrics.RecordGaveUp(error);
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
        public int GaveUp { get; set; }
        public bool Halted { get; set; }
    }
}
