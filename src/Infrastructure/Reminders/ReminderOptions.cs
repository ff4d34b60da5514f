using NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;
using NakamuraMisaki.Domain.Handoffs;

namespace NakamuraMisaki.Infrastructure.Reminders;

/// <summary>The "Reminders" configuration section (env: Reminders__Interval=00:01:00). Durations are TimeSpans.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Run the reminder job in this instance. It also needs Slack:BotToken.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two passes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before handoff_at the recipient is reminded.</summary>
    public TimeSpan LeadTime { get; set; } = Handoff.DefaultReminderLeadTime;

    /// <summary>
    /// How long a claimed reminder belongs to the instance that claimed it. If that instance dies, another one sends
    /// the reminder after this. Must exceed Slack:Timeout: a send is only started while the lease outlasts it.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Reminders claimed per round trip; a pass claims batch after batch until none is due.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// The longest wait, in minutes, before a reminder that failed transiently (Slack 5xx, timeout, network) is tried
    /// again; the wait doubles per failure from one minute up to this.
    /// </summary>
    public int MaxBackoffMinutes { get; set; } = 60;

    /// <summary>Zone of the hand-over time in the message's plain-text fallback (Slack shows each reader their own).</summary>
    public string TimeZone { get; set; } = "Asia/Tokyo";

    /// <summary>One pass with these settings.</summary>
    public SendDueReminders ToCommand() => new(LeadTime, LeaseDuration, BatchSize, TimeSpan.FromMinutes(MaxBackoffMinutes));
}
