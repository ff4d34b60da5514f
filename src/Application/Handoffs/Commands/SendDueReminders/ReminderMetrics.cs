using System.Diagnostics;
using System.Diagnostics.Metrics;
using NakamuraMisaki.Application.Common.Telemetry;

namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>
/// nakamura_misaki.reminders (Prometheus: nakamura_misaki_reminders_total) by outcome: sent, failed (transient,
/// retried after a back-off), deferred (rate limited, halted or lease too short), gave_up (permanent, by reason:
/// the recipient cannot be reached) and halted (by reason: Slack refused the bot token; sending stopped).
/// A rising failed count means Slack cannot be reached; any gave_up or halted needs a person.
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

    public void RecordGaveUp(string reason) => Add(1, "gave_up", reason);

    public void RecordHalt(string? reason) => Add(1, "halted", reason ?? "unauthorized");

    private void Add(int count, string outcome, string? reason = null)
    {
        if (count <= 0)
        {
            return;
        }

        var tags = new TagList { { "outcome", outcome } };
        if (reason is not null)
        {
            tags.Add("reason", reason);
        }

        _reminders.Add(count, tags);
    }
}
