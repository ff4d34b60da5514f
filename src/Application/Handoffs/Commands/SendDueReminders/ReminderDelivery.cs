namespace NakamuraMisaki.Application.Handoffs.Commands.SendDueReminders;

/// <summary>How one send ended, and so what the use case does next (docs/reminders.md, "When a send fails").</summary>
public enum ReminderOutcome
{
    /// <summary>The recipient's service accepted the message.</summary>
    Delivered,

    /// <summary>May work later (5xx, timeout, network, an unknown error code): retried with per-hand-off back-off.</summary>
    Transient,

    /// <summary>Can never work for this hand-off (the recipient is gone, the channel archived): marked failed.</summary>
    Permanent,

    /// <summary>The sender's own credentials are refused: no send can work, so this instance stops sending.</summary>
    Unauthorized,

    /// <summary>Too many requests: nothing is sent until <see cref="ReminderDelivery.RetryAfter"/> has passed.</summary>
    RateLimited,
}

/// <summary>How one send ended, with the service's error code (e.g. channel_not_found) when it failed.</summary>
public sealed record ReminderDelivery(ReminderOutcome Outcome, string? Error, TimeSpan? RetryAfter)
{
    public static ReminderDelivery Accepted { get; } = new(ReminderOutcome.Delivered, null, null);

    public bool Delivered => Outcome == ReminderOutcome.Delivered;

    public static ReminderDelivery Failed(ReminderOutcome outcome, string error) => new(outcome, error, null);

    public static ReminderDelivery RateLimited(TimeSpan retryAfter) => new(ReminderOutcome.RateLimited, "ratelimited", retryAfter);
}
