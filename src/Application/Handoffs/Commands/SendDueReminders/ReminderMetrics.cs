using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// nakamura_misaki.reminders (Prometheus: nakamura_misaki_reminders_total) by outcome: sent, failed (retried next
/// pass), deferred (rate limited or lease too short). A rising failed count means Slack refuses or cannot be reached.
/// </summary>
public sealed class ReminderMetrics(AppMeter meter)
{
    private readonly Counter<long> _reminders = meter.Meter.CreateCounter<long>(
        "nakamura_misaki.reminders", "{reminder}", "Hand-off reminders handled by the reminder job, by outcome.");

    public void Record(ReminderPassResult pass)
    {
        Add(pass.Sent, "sent");
        Add(pass.Failed, "failed");
        Add(pass.Deferred, "deferred");
    }

    private void Add(int count, string outcome)
    {
        if (count > 0)
        {
            _reminders.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
