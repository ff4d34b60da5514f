using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Infrastructure.Database;
using NakamuraMisaki.Infrastructure.Reminders;
using NakamuraMisaki.Infrastructure.Slack;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>
/// Sends due hand-off reminders every Reminders:Interval. Without a Slack bot token (or with Reminders:Enabled=false)
/// it says so once and stops; nothing else depends on it, so readiness only names Slack as NotConfigured.
/// </summary>
internal sealed class HandoffReminderJob(
    IServiceScopeFactory scopes,
    DatabaseSchemaReadiness schema,
    IOptions<ReminderOptions> reminderOptions,
    IOptions<SlackOptions> slackOptions,
    ILogger<HandoffReminderJob> logger)
    : PeriodicJob(scopes, schema, logger)
{
    private ReminderOptions Settings => reminderOptions.Value;

    protected override string Name => "Hand-off reminders";
    protected override bool Enabled => Settings.Enabled && slackOptions.Value.HasBotToken;
    protected override TimeSpan Interval => Settings.Interval;

    protected override void LogDisabled()
    {
        if (!Settings.Enabled)
        {
            logger.LogInformation("Hand-off reminders are off in this instance (Reminders:Enabled=false).");
        }
        else
        {
            logger.LogWarning("Slack:BotToken is not set, so hand-off reminders are not sent. Set it to turn them on.");
        }
    }

    protected override async Task RunPassAsync(ISender sender, CancellationToken cancellationToken)
    {
        // A failed pass leaves claimed reminders leased; they are retried once the lease expires.
        var pass = await sender.Send(Settings.ToCommand(), cancellationToken);
        if (pass.Sent + pass.Failed + pass.Deferred + pass.GaveUp > 0)
        {
            logger.LogInformation("Reminder pass: {Sent} sent, {Failed} failed (backed off), {GaveUp} given up, {Deferred} deferred.",
                pass.Sent, pass.Failed, pass.GaveUp, pass.Deferred);
        }
    }
}
