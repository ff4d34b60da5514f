using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Slack;

namespace NakamuraMisaki.Infrastructure.Reminders;

/// <summary>
/// One pass of the reminder job: claim due reminders batch by batch, DM each recipient, record what Slack accepted.
/// Safe to run in any number of instances at once (see <see cref="HandoffReminderQueue"/>). Holds one piece of state
/// across passes: the end of a Slack rate limit, before which this instance sends nothing.
/// </summary>
public sealed class HandoffReminderDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SlackOptions> slackOptions,
    ReminderMetrics metrics,
    ILogger<HandoffReminderDispatcher> logger)
{
    private readonly ReminderOptions _options = reminderOptions.Value;
    private readonly TimeSpan _sendTimeout = slackOptions.Value.Timeout;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(reminderOptions.Value.TimeZone);
    private long _rateLimitedUntilUtcTicks;

    public async Task<ReminderPassResult> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var passStartedAt = clock.GetUtcNow();
        if (passStartedAt.UtcTicks < Interlocked.Read(ref _rateLimitedUntilUtcTicks))
        {
            return ReminderPassResult.WaitingOutRateLimit;
        }

        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<HandoffReminderQueue>();
        var slack = scope.ServiceProvider.GetRequiredService<SlackClient>();
        var pass = new PassTally();
        while (!pass.RateLimited)
        {
            var now = clock.GetUtcNow();
            var batch = await queue.ClaimAsync(
                passStartedAt, now + _options.LeadTime, now + _options.LeaseDuration, _options.BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await SendAsync(batch, queue, slack, pass, cancellationToken);
        }

        var result = new ReminderPassResult(pass.Sent, pass.Failed, pass.Deferred, pass.RateLimited);
        metrics.Record(result);
        return result;
    }

    private async Task SendAsync(
        IReadOnlyList<DueReminder> batch, HandoffReminderQueue queue, SlackClient slack, PassTally pass,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var reminder = batch[i];
            var now = clock.GetUtcNow();
            if (now + _sendTimeout >= reminder.ClaimedUntil)
            {
                // The lease could run out while Slack is still answering, and another instance could then send it
                // too. Our lease still holds, so giving the rest back is safe; the next pass takes them.
                await GiveBackAsync(queue, batch, i, now, pass, cancellationToken);
                return;
            }

            if (!await queue.IsStillDueAsync(reminder.HandoffId, cancellationToken))
            {
                continue; // completed or deleted since the claim; a completed hand-off is never reminded
            }

            var result = await PostAsync(slack, reminder, cancellationToken);
            if (result.Ok)
            {
                await queue.MarkRemindedAsync(reminder.HandoffId, clock.GetUtcNow(), cancellationToken);
                pass.Sent++;
            }
            else if (result.RetryAfter is { } retryAfter)
            {
                var until = clock.GetUtcNow() + retryAfter;
                Interlocked.Exchange(ref _rateLimitedUntilUtcTicks, until.UtcTicks);
                logger.LogWarning("Slack rate limited chat.postMessage; reminders wait until {Until:O}.", until);
                pass.RateLimited = true;
                await GiveBackAsync(queue, batch, i, until, pass, cancellationToken);
                return;
            }
            else
            {
                logger.LogWarning("Reminder for hand-off {HandoffId} to {Recipient} not sent ({Error}); retried next pass.",
                    reminder.HandoffId, reminder.ToUserId, result.Error);
                await queue.PostponeAsync([reminder.HandoffId], clock.GetUtcNow(), cancellationToken);
                pass.Failed++;
            }
        }
    }

    private async Task<SlackPostResult> PostAsync(SlackClient slack, DueReminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            return await slack.PostMessageAsync(reminder.ToUserId, HandoffReminderMessage.Compose(reminder, _zone), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever goes wrong with one hand-off must not stop the others.
            logger.LogError(e, "Sending the reminder for hand-off {HandoffId} failed.", reminder.HandoffId);
            return SlackPostResult.Failed(e.GetType().Name);
        }
    }

    private static async Task GiveBackAsync(
        HandoffReminderQueue queue, IReadOnlyList<DueReminder> batch, int from, DateTimeOffset notBefore, PassTally pass,
        CancellationToken cancellationToken)
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
