namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>Delivers one reminder to its recipient (a Slack DM in production).</summary>
public interface IHandoffReminderSender
{
    /// <summary>
    /// The longest one <see cref="SendAsync"/> may take before it is abandoned: a send starts only while the lease
    /// outlasts it, so no other instance can claim the reminder during the call.
    /// </summary>
    TimeSpan MaxSendDuration { get; }

    /// <summary>Never throws for an answer the recipient's service gives; transport failures come back as Failed too.</summary>
    Task<ReminderDelivery> SendAsync(DueReminder reminder, CancellationToken cancellationToken);
}
