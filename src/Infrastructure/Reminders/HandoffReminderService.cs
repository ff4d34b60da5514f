using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Slack;

namespace NakamuraMisaki.Infrastructure.Reminders;

/// <summary>
/// Runs <see cref="HandoffReminderDispatcher"/> every Reminders:Interval. Without a Slack bot token (or with
/// Reminders:Enabled=false) it says so once and stops; nothing else depends on it, so readiness is unaffected.
/// </summary>
public sealed class HandoffReminderService(
    HandoffReminderDispatcher dispatcher,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SlackOptions> slackOptions,
    TimeProvider clock,
    ILogger<HandoffReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = reminderOptions.Value;
        if (!options.Enabled)
        {
            logger.LogInformation("Hand-off reminders are off in this instance (Reminders:Enabled=false).");
            return;
        }

        if (!slackOptions.Value.HasBotToken)
        {
            logger.LogWarning("Slack:BotToken is not set, so hand-off reminders are not sent. Set it to turn them on.");
            return;
        }

        logger.LogInformation("Hand-off reminders: a pass every {Interval}, {LeadTime} before each hand-over.",
            options.Interval, options.LeadTime);
        using var timer = new PeriodicTimer(options.Interval, clock);
        do
        {
            await RunPassAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            var pass = await dispatcher.DispatchDueAsync(stoppingToken);
            if (pass.Sent + pass.Failed + pass.Deferred > 0)
            {
                logger.LogInformation("Reminder pass: {Sent} sent, {Failed} failed, {Deferred} deferred.",
                    pass.Sent, pass.Failed, pass.Deferred);
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be away; claimed reminders keep their lease and are retried once it expires.
            logger.LogError(e, "Reminder pass failed; the next one runs in {Interval}.", reminderOptions.Value.Interval);
        }
    }
}
